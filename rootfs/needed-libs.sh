#!/usr/bin/env bash
# Copy into a root filesystem the shared libraries some programs load: every library their
# dynamic sections name (readelf NEEDED), transitively, taken from the unpacked Debian packages.
# Everything lands in ROOT/lib/aarch64-linux-gnu, a directory glibc's loader searches without an
# ld.so.cache, behind the loader's usual path /lib/ld-linux-aarch64.so.1.
#
#   rootfs/needed-libs.sh [--base BASE-ROOT] ROOT PKG-ROOT... -- ELF...
#
# PKG-ROOT is an unpacked package tree (build/pkg/libc6); its lib/aarch64-linux-gnu and
# usr/lib/aarch64-linux-gnu are searched in the order given. With --base, ROOT is an archive
# unpacked over BASE-ROOT (the tools archive over the base initramfs, rootfs/build.sh): a library
# BASE-ROOT has already is not copied again, nor are the ones under it (the base holds those too).
set -euo pipefail

base=
if [[ ${1-} == --base ]]; then
	base=$2/lib/aarch64-linux-gnu
	shift 2
fi
root=$1
shift
pkgs=()
while (($#)) && [[ $1 != -- ]]; do
	pkgs+=("$1")
	shift
done
[[ ${1-} == -- ]] || { echo "usage: needed-libs.sh ROOT PKG-ROOT... -- ELF..." >&2; exit 2; }
shift
readelf=${CROSS_COMPILE:-aarch64-linux-gnu-}readelf
libdir=$root/lib/aarch64-linux-gnu
mkdir -p "$libdir"

find_lib() { # find_lib SONAME: its path in the unpacked packages
	local p d
	for p in "${pkgs[@]}"; do
		for d in "$p/lib/aarch64-linux-gnu" "$p/usr/lib/aarch64-linux-gnu"; do
			[[ -e $d/$1 ]] && { readlink -f "$d/$1"; return; }
		done
	done
	echo "rootfs: no $1 in ${pkgs[*]}" >&2
	exit 1
}

todo=("$@")
while ((${#todo[@]})); do
	elf=${todo[0]}
	todo=("${todo[@]:1}")
	for lib in $("$readelf" -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		[[ -e $libdir/$lib ]] && continue
		[[ -n $base && -e $base/$lib ]] && continue
		install -m 0755 "$(find_lib "$lib")" "$libdir/$lib"
		todo+=("$libdir/$lib")
	done
done
[[ -n $base && -e $base/ld-linux-aarch64.so.1 ]] && exit 0
[[ -e $libdir/ld-linux-aarch64.so.1 ]] || install -m 0755 "$(find_lib ld-linux-aarch64.so.1)" "$libdir/"
ln -sf aarch64-linux-gnu/ld-linux-aarch64.so.1 "$root/lib/ld-linux-aarch64.so.1"
