#!/usr/bin/env bash
# Build OP-TEE's example applications (optee_examples) unchanged against Rampart: each example's
# TA with the TA dev kit in build/ta_dev_kit, its host program (and the plugins example's
# tee-supplicant plugin) with the aarch64 cross compiler against Debian's libteec
# (optee-client-dev:arm64). Then pack what the guest needs into a cpio archive that the kernel
# unpacks over the normal initramfs.
#   tests/examples/build.sh BUILD_ROOT OPTEE_EXAMPLES_DIR
# The examples' own makefiles build in their source directories, so the tree is copied to
# BUILD_ROOT/examples/src first and the given one is left as it was. Writes
# BUILD_ROOT/examples/{build.txt,initramfs.cpio.gz}; an example that does not build is listed
# with the first error line it stopped at, and the run goes on without it.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
given=$(cd "$2" && pwd)
out=$build/examples
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
devkit=$build/ta_dev_kit
client=$build/pkg/optee-client

die() { printf 'examples-build: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'examples-build: %s\n' "$*"; }

[[ -f $given/hello_world/ta/Makefile ]] || die "$given is not an optee_examples tree (no hello_world/ta)"
[[ -f $devkit/mk/ta_dev_kit.mk ]] || die "$devkit missing: run 'make ta_dev_kit'"
[[ -f $client/usr/include/tee_client_api.h ]] || die "$client missing: run 'make setup'"

rm -rf "$out"
mkdir -p "$out"/{client/include,client/lib,obj,stage}
cp -a "$given" "$out/src"
src=$out/src
# The layout the examples' host makefiles expect of an optee_client export: include/ and lib/.
cp -a "$client"/usr/include/. "$out/client/include/"
cp -a "$client"/usr/lib/aarch64-linux-gnu/. "$out/client/lib/"

first_error() { grep -m1 -E 'error|Error|undefined reference' "$1" || tail -n1 "$1"; }

: >"$out/build.txt"
stage=$out/stage
mkdir -p "$stage"/{usr/bin,lib/optee_armtz,usr/lib/tee-supplicant/plugins,usr/share/rampart/tests}
for d in "$src"/*/; do
	name=$(basename "$d")
	[[ -f $d/ta/Makefile && -f $d/host/Makefile ]] || continue
	log "example $name"
	status=ok
	if ! make -C "$d/ta" O="$out/obj/$name-ta" TA_DEV_KIT_DIR="$devkit" CROSS_COMPILE="$cross" \
		>"$out/obj/$name-ta.log" 2>&1; then
		status="FAILED (TA): $(first_error "$out/obj/$name-ta.log")"
	elif ! make -C "$d/host" CROSS_COMPILE="$cross" TEEC_EXPORT="$out/client" \
		--no-builtin-variables >"$out/obj/$name-host.log" 2>&1; then
		status="FAILED (host): $(first_error "$out/obj/$name-host.log")"
	elif [[ -f $d/syslog/Makefile ]] && ! make -C "$d/syslog" CROSS_COMPILE="$cross" \
		TEEC_EXPORT="$out/client" --no-builtin-variables >"$out/obj/$name-plugin.log" 2>&1; then
		status="FAILED (plugin): $(first_error "$out/obj/$name-plugin.log")"
	fi
	echo "$name: $status" >>"$out/build.txt"
	[[ $status == ok ]] || continue
	find "$out/obj/$name-ta" -name '*.ta' -exec install -m 0444 {} "$stage/lib/optee_armtz/" \;
	find "$d/host" -maxdepth 1 -type f -name 'optee_example_*' -perm -u+x \
		-exec install -m 0755 {} "$stage/usr/bin/" \;
	find "$d" -name '*.plugin' -exec install -m 0755 {} "$stage/usr/lib/tee-supplicant/plugins/" \;
done
built=$(grep -c ': ok$' "$out/build.txt" || true)
log "$built of $(wc -l <"$out/build.txt") examples built (list: $out/build.txt)"
install -m 0755 "$top/tests/examples/guest-examples.sh" "$stage/usr/share/rampart/tests/examples.sh"
(cd "$stage" && find . | sort | cpio -o -H newc --quiet) | gzip -9 >"$out/overlay.cpio.gz"
cat "$build/rootfs/initramfs.cpio.gz" "$out/overlay.cpio.gz" >"$out/initramfs.cpio.gz"
log "guest image: $out/initramfs.cpio.gz"
