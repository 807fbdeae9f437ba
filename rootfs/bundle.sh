#!/usr/bin/env bash
# Build the OCI bundle whose process uses the TEE (docs/containers.md), from the Debian arm64
# packages the set-up step fetched and our tee-test; no image registry:
#   rootfs/  busybox-static (a shell and a few applets), tee-test, and the shared libraries it
#            loads (Debian's libteec1 and the part of glibc under it)
#   config.json.in  the OCI runtime configuration (runtime-spec 1.0), with the fields known only
#            on the running system left as @NAME@: /dev/tee0's device numbers (its major is
#            dynamic) and the process's arguments. rampart-bundle fills them in (rootfs/rampart-bundle).
#
#   rootfs/bundle.sh BUILD_ROOT OUT-DIR
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
out=$2
busybox=$build/pkg/busybox/bin/busybox
tee_test=$build/userspace/tee-test
[[ -x $busybox ]] || { echo "bundle: $busybox missing: run 'make setup'" >&2; exit 1; }
[[ -x $tee_test ]] || { echo "bundle: $tee_test missing: run 'make userspace'" >&2; exit 1; }

rm -rf "$out"
root=$out/rootfs
# The mount points config.json names; the root is mounted read-only, so they must exist here.
mkdir -p "$root"/{bin,usr/bin,proc,sys,dev,tmp,etc}
cp "$busybox" "$root/bin/busybox"
# busybox --install cannot run in a read-only root: the applets a shell in the container uses.
for a in sh ls cat echo test true false sleep id ps mount stat; do
	ln -s busybox "$root/bin/$a"
done
${CROSS_COMPILE:-aarch64-linux-gnu-}strip -o "$root/usr/bin/tee-test" "$tee_test"
bash "$top/rootfs/needed-libs.sh" "$root" "$build/pkg/libc6" "$build/pkg/optee-client" -- \
	"$root/usr/bin/tee-test"
echo "root:x:0:0:root:/:/bin/sh" >"$root/etc/passwd"
install -m 0644 "$top/rootfs/bundle/config.json.in" "$out/config.json.in"
echo "bundle: $out ($(du -sb "$root" | cut -f1) bytes in rootfs/)"
