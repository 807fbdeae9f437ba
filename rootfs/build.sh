#!/usr/bin/env bash
# Assemble the initramfs: busybox-static (Debian arm64) with its applet links, the kernel's TEE
# modules, our /init, and the guest halves of the QEMU tests under /usr/share/rampart/tests.
#   rootfs/build.sh BUILD_ROOT OUT.cpio.gz
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
out=$2
stage=$build/rootfs/stage
busybox=$build/pkg/busybox/bin/busybox

[[ -x $busybox ]] || { echo "rootfs: $busybox missing: run 'make setup'" >&2; exit 1; }
rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,root,etc,usr/share/rampart/tests}
cp "$busybox" "$stage/bin/busybox"
# /init runs "busybox --install -s" for the other applets.
ln -sf busybox "$stage/bin/sh"
install -m 0755 "$top/rootfs/init" "$stage/init"
for t in "$top"/tests/qemu/guest/*.sh; do
	[[ -e $t ]] && install -m 0755 "$t" "$stage/usr/share/rampart/tests/"
done
# The kernel's TEE drivers, from the same Debian kernel package as the Image.
kver=$(cat "$build/linux/version")
moddir=$build/pkg/kernel/lib/modules/$kver/kernel
mkdir -p "$stage/lib/modules/$kver"
for m in drivers/tee/tee.ko drivers/tee/optee/optee.ko drivers/char/hw_random/optee-rng.ko; do
	install -m 0644 "$moddir/$m" "$stage/lib/modules/$kver/"
done
echo "root:x:0:0:root:/root:/bin/sh" >"$stage/etc/passwd"
cat >"$stage/etc/inittab" <<'INITTAB'
::respawn:-/bin/cttyhack /bin/sh
::ctrlaltdel:/bin/reboot
::shutdown:/bin/sync
INITTAB
mkdir -p "$(dirname "$out")"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) |
	gzip -9 -n >"$out.tmp"
mv "$out.tmp" "$out"
echo "rootfs: $out ($(stat -c %s "$out") bytes)"
