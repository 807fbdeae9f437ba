#!/usr/bin/env bash
# Build OP-TEE's regression suite (optee_test) unchanged against Rampart: its TAs with the TA dev
# kit in build/ta_dev_kit, host xtest and the tee-supplicant test plugin with the aarch64 cross
# compiler against Debian's libteec (optee-client-dev) and OpenSSL (libssl-dev), both arm64. Then
# pack what the guest needs into a cpio archive that the kernel unpacks over the normal initramfs.
#   tests/xtest/build.sh BUILD_ROOT OPTEE_TEST_DIR
# Writes BUILD_ROOT/xtest/{ta-build.txt,initramfs.cpio.gz}; a TA that does not build is listed
# with the first error line it stopped at, and the run goes on without it.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
out=$build/xtest
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
devkit=$build/ta_dev_kit

die() { printf 'xtest-build: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'xtest-build: %s\n' "$*"; }

[[ -f $src/host/xtest/xtest_main.c && -d $src/ta ]] ||
	die "$src is not an optee_test tree (no host/xtest/xtest_main.c)"
[[ -f $devkit/host_include/conf.mk ]] || die "$devkit missing: run 'make ta_dev_kit'"
client=$build/pkg/optee-client
[[ -f $client/usr/include/tee_client_api.h ]] || die "$client missing: run 'make setup'"

rm -rf "$out"
mkdir -p "$out"/{debs,pkg,client/include,client/lib,obj,stage}

# OpenSSL for xtest (its 1027/1028 login cases and 8103 use libcrypto), arm64 from Debian.
(cd "$out/debs" && for p in libssl-dev libssl3; do
	apt-get download -q "$p:arm64" >/dev/null 2>&1 || die "apt-get download $p:arm64 failed"
done)
for d in "$out"/debs/*.deb; do dpkg-deb -x "$d" "$out/pkg"; done
ssl_inc=$out/pkg/usr/include
ssl_lib=$out/pkg/usr/lib/aarch64-linux-gnu
[[ -f $ssl_inc/openssl/evp.h && -e $ssl_lib/libcrypto.so ]] || die "libssl-dev:arm64 has no evp.h/libcrypto.so"

# The layout xtest's Makefile expects of an optee_client export: include/ and lib/.
cp -a "$client"/usr/include/. "$out/client/include/"
cp -a "$client"/usr/lib/aarch64-linux-gnu/. "$out/client/lib/"
# The pkcs11 suite links libckteec: optee-client-dev's libckteec.so points at libckteec0's library.
pkcs11=$build/pkg/pkcs11/usr/lib/aarch64-linux-gnu
[[ -e $pkcs11/libckteec.so.0 ]] || die "$pkcs11/libckteec.so.0 missing: run 'make setup'"
cp -a "$pkcs11"/libckteec.so.* "$out/client/lib/"

# TAs: one make per directory, as optee_test's ta/Makefile does, but going on past a failure.
: >"$out/ta-build.txt"
ta_ok=0 ta_failed=0
# optee_test 3.19 is written for OP-TEE 3.19's headers, GP v1.1's uint32_t lengths: its TAs are built
# for them (CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y, tee_api_compat.h): with v1.3's size_t * its
# uint32_t lengths are read and written as 8 bytes.
# Shared TA libraries (SHLIBNAME) first: the TAs linked with them need their .so (os_test links
# os_test_lib's), as optee_test's ta/Makefile orders them.
ta_dirs=()
for d in "$src"/ta/*/; do
	grep -qs '^SHLIBNAME' "$d/Makefile" && ta_dirs+=("$d")
done
for d in "$src"/ta/*/; do
	grep -qs '^SHLIBNAME' "$d/Makefile" || ta_dirs+=("$d")
done
for d in "${ta_dirs[@]}"; do
	name=$(basename "$d")
	[[ -f $d/Makefile ]] || continue
	log "TA $name"
	if make -C "$d" O="$out/obj/ta/$name" TA_DEV_KIT_DIR="$devkit" CROSS_COMPILE="$cross" \
		CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y \
		>"$out/obj/ta-$name.log" 2>&1; then
		echo "ok      $name" >>"$out/ta-build.txt"
		ta_ok=$((ta_ok + 1))
	else
		why=$(grep -m1 -E 'error|Error|undefined reference' "$out/obj/ta-$name.log" || tail -n1 "$out/obj/ta-$name.log")
		echo "FAILED  $name: $why" >>"$out/ta-build.txt"
		ta_failed=$((ta_failed + 1))
	fi
done
log "TAs: $ta_ok built, $ta_failed failed (list: $out/ta-build.txt)"

# Host side. CFLAGS/LDFLAGS from the environment, so xtest's Makefile appends its own to ours.
# optee_test 3.19 calls OpenSSL 1.1 functions that OpenSSL 3 marks deprecated (xtest builds
# with -Werror): ask the headers for the 1.1.1 API level. Its 4000 group compiles the Ed25519
# vectors whatever the configuration but uses them only with CFG_SYSTEM_PTA, which Rampart does not
# claim: an unused table is not an error.
export CFLAGS="-I$top/tests/xtest/include -I$ssl_inc -I$ssl_inc/aarch64-linux-gnu -DOPENSSL_API_COMPAT=10101 -Wno-error=unused-const-variable" LDFLAGS="-L$ssl_lib -Wl,-rpath-link,$ssl_lib"
# CFG_PKCS11_TA=y compiles the pkcs11 suite (pkcs11_1000.c, run with `xtest -t pkcs11`), which
# talks to the token TA (ta/rampart_pkcs11) through libckteec.
make -C "$src/host/xtest" --no-builtin-variables O="$out/obj" CROSS_COMPILE="$cross" \
	TA_DEV_KIT_DIR="$devkit" OPTEE_CLIENT_EXPORT="$out/client" CFG_PKCS11_TA=y \
	OPTEE_OPENSSL_EXPORT="$ssl_inc" >"$out/obj/xtest.log" 2>&1 ||
	{ tail -n 20 "$out/obj/xtest.log" >&2; die "host xtest did not build (log: $out/obj/xtest.log)"; }
make -C "$src/host/supp_plugin" --no-builtin-variables O="$out/obj" CROSS_COMPILE="$cross" \
	TA_DEV_KIT_DIR="$devkit" OPTEE_CLIENT_EXPORT="$out/client" >"$out/obj/plugin.log" 2>&1 ||
	log "the tee-supplicant test plugin did not build (log: $out/obj/plugin.log)"

# The guest side: xtest, its libraries, the TAs and the run script, over the normal initramfs.
stage=$out/stage
mkdir -p "$stage"/{usr/bin,lib/optee_armtz,lib/aarch64-linux-gnu,usr/share/rampart/tests}
mkdir -p "$stage/usr/lib/tee-supplicant/plugins"
${cross}strip -o "$stage/usr/bin/xtest" "$out/obj/xtest/xtest"
for so in "$ssl_lib"/libcrypto.so.3 "$ssl_lib"/libssl.so.3; do
	install -m 0755 "$(readlink -f "$so")" "$stage/lib/aarch64-linux-gnu/$(basename "$so")"
done
# Every shared library xtest loads, transitively (readelf NEEDED), from the unpacked Debian
# packages; the normal initramfs has some of them already, and the copies are the same files.
readelf=${cross}readelf
todo=("$stage/usr/bin/xtest" "$stage"/lib/aarch64-linux-gnu/*.so.*)
while ((${#todo[@]})); do
	elf=${todo[0]}
	todo=("${todo[@]:1}")
	for lib in $("$readelf" -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		[[ -e $stage/lib/aarch64-linux-gnu/$lib ]] && continue
		found=
		for d in "$ssl_lib" "$client/usr/lib/aarch64-linux-gnu" "$pkcs11" "$build/pkg/libc6/lib/aarch64-linux-gnu"; do
			[[ -e $d/$lib ]] && { found=$(readlink -f "$d/$lib"); break; }
		done
		[[ -n $found ]] || die "xtest needs $lib, which no unpacked package has"
		install -m 0755 "$found" "$stage/lib/aarch64-linux-gnu/$lib"
		todo+=("$stage/lib/aarch64-linux-gnu/$lib")
	done
done
find "$out/obj/ta" -name '*.ta' -exec install -m 0444 {} "$stage/lib/optee_armtz/" \;
find "$out/obj" -maxdepth 2 -name '*.plugin' -exec install -m 0755 {} "$stage/usr/lib/tee-supplicant/plugins/" \;
install -m 0755 "$top/tests/xtest/guest-xtest.sh" "$stage/usr/share/rampart/tests/xtest.sh"
(cd "$stage" && find . | sort | cpio -o -H newc --quiet) | gzip -9 >"$out/overlay.cpio.gz"
cat "$build/rootfs/initramfs.cpio.gz" "$out/overlay.cpio.gz" >"$out/initramfs.cpio.gz"
log "guest image: $out/initramfs.cpio.gz ($(ls "$stage/lib/optee_armtz" | wc -l) TA(s))"
