#!/usr/bin/env bash
# Copy kernel modules out of the unpacked Debian kernel package into a root filesystem, with
# everything they need, and write the modules.dep that modprobe loads them by.
#
#   rootfs/kmods.sh KERNEL-ROOT KVER STAGE MODULE...
#
# KERNEL-ROOT is the unpacked linux-image package (it holds lib/modules/KVER), STAGE the root
# filesystem being assembled; MODULE is a module name as modprobe takes it (ext4, optee-rng).
# The modules land in STAGE/lib/modules/KVER under their paths in the package, and
# STAGE/lib/modules/KVER/modules.dep lists each with every module it needs, as depmod writes it
# (the last one listed is loaded first), so that `modprobe -a ext4 ...` (busybox's) loads them
# in a single process.
#
# The package has no modules.dep (depmod writes it when the package is installed), so the
# dependencies come from each module's own .modinfo section: "depends=" (modules whose symbols
# it uses) and the "pre:" modules of "softdep=" (modules it asks for at run time, e.g. ext4 and
# jbd2 allocate the crypto API's "crc32c", which Debian builds as the crc32c_generic module);
# busybox's modprobe knows no softdeps, so those are written as dependencies. Modules built into
# the kernel (modules.builtin) are skipped. Compressed modules (.ko.xz, .ko.zst, as newer Debian
# kernels ship) are decompressed, so busybox's modprobe can load them.
set -euo pipefail

root=$1
kver=$2
stage=$3
shift 3

mods=$root/lib/modules/$kver
out=$stage/lib/modules/$kver
objcopy=${CROSS_COMPILE:-aarch64-linux-gnu-}objcopy
die() { echo "kmods: $*" >&2; exit 1; }
[[ -f $mods/modules.order ]] || die "$mods/modules.order missing: run 'make setup'"

norm() { echo "${1//-/_}"; } # module names compare with - and _ alike

# name -> path relative to $mods, for loadable and built-in modules (parameter expansion only:
# the lists have thousands of lines).
declare -A path builtin
while read -r p; do
	n=${p##*/}
	n=${n%%.ko*}
	path[${n//-/_}]=$p
done <"$mods/modules.order"
while read -r p; do
	n=${p##*/}
	n=${n%%.ko*}
	builtin[${n//-/_}]=1
done <"$mods/modules.builtin"
# Aliases the built-in modules provide (e.g. "crypto-sha256"), from modules.builtin.modinfo.
declare -A builtin_alias
while read -r a; do
	builtin_alias[$a]=1
done < <(tr '\0' '\n' <"$mods/modules.builtin.modinfo" | sed -n 's/^[^.]*\.alias=//p')

file_of() { # file_of REL-PATH: the file in the package (plain or compressed)
	local f
	for f in "$mods/$1" "$mods/$1.xz" "$mods/$1.zst"; do
		[[ -f $f ]] && { echo "$f"; return; }
	done
	die "${1} listed in modules.order but missing from the package"
}

modinfo() { # modinfo NAME: the module's .modinfo strings, one a line
	local f tmp
	f=$(file_of "${path[$1]}")
	tmp=$(mktemp)
	case $f in
	*.xz) xz -dc "$f" >"$tmp" ;;
	*.zst)
		command -v zstd >/dev/null || die "$f is zstd-compressed: install zstd"
		zstd -qdc "$f" >"$tmp"
		;;
	*) cp "$f" "$tmp" ;;
	esac
	"$objcopy" -O binary --only-section=.modinfo "$tmp" /dev/stdout | tr '\0' '\n'
	rm -f "$tmp"
}

# resolve_soft NAME-OR-ALIAS: the module that provides a softdep, or nothing when the kernel
# has it built in. A softdep names a module or an alias; the candidates for an alias "crypto-X"
# are X and X_generic, and the one taken must declare that alias itself.
resolve_soft() {
	local want=$1 c
	[[ -n ${builtin_alias[$want]:-} ]] && return
	c=$(norm "$want")
	[[ -n ${builtin[$c]:-} ]] && return
	[[ -n ${path[$c]:-} ]] && { echo "$c"; return; }
	for c in $(norm "${want#crypto-}") "$(norm "${want#crypto-}")_generic"; do
		if [[ -n ${path[$c]:-} ]] && grep -qxF "alias=$want" <<<"$(modinfo "$c")"; then
			echo "$c"
			return
		fi
	done
	die "no module in the package provides '$want'"
}

declare -A done_mod visiting needs
order=()
add() { # add NAME: NAME's dependencies, then NAME, each once; needs[NAME]: all it needs
	local n
	n=$(norm "$1")
	[[ -n ${done_mod[$n]:-} ]] && return
	if [[ -n ${builtin[$n]:-} ]]; then
		done_mod[$n]=builtin
		return
	fi
	[[ -n ${path[$n]:-} ]] || die "no module '$1' in $kver (neither loadable nor built in)"
	[[ -z ${visiting[$n]:-} ]] || die "dependency loop through '$1'"
	visiting[$n]=1
	local info deps soft softmods d all=""
	info=$(modinfo "$n")
	deps=$(sed -n 's/^depends=//p' <<<"$info" | tr ',' ' ')
	# "softdep=pre: a b post: c": the words between "pre:" and "post:".
	soft=$(sed -n 's/^softdep=//p' <<<"$info" | awk '{ on = 0; for (i = 1; i <= NF; i++) {
		if ($i == "pre:") on = 1; else if ($i == "post:") on = 0; else if (on) print $i } }')
	softmods=$(for d in $soft; do resolve_soft "$d" || exit 1; done) || exit 1
	for d in $deps $softmods; do
		add "$d"
		d=$(norm "$d")
		[[ ${done_mod[$d]} == builtin ]] && continue
		all+=" ${needs[$d]} $d"
	done
	unset "visiting[$n]"
	done_mod[$n]=1
	needs[$n]=$all
	order+=("$n")
}
for m in "$@"; do add "$m"; done

mkdir -p "$out"
: >"$out/modules.dep"
for n in "${order[@]}"; do
	rel=${path[$n]}
	f=$(file_of "$rel")
	mkdir -p "$out/$(dirname "$rel")"
	case $f in
	*.xz) xz -dc "$f" >"$out/$rel" ;;
	*.zst) zstd -qdc "$f" >"$out/$rel" ;;
	*) cp "$f" "$out/$rel" ;;
	esac
	chmod 0644 "$out/$rel"
	# needs[] is in load order, possibly with repeats: keep each first occurrence, then list
	# them last-loaded first.
	line=""
	declare -A seen=()
	for d in ${needs[$n]}; do
		[[ -n ${seen[$d]:-} ]] && continue
		seen[$d]=1
		line="${path[$d]} $line"
	done
	unset seen
	echo "$rel:${line:+ ${line% }}" >>"$out/modules.dep"
done
echo "kmods: ${order[*]}"
