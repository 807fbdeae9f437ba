#!/usr/bin/env bash
# Assemble the initramfs, in two gzip'd cpio archives (Linux unpacks concatenated archives in
# order, each compressed on its own; docs/normal-world.md):
#   base   busybox-static (Debian arm64) with its applet links, the kernel modules for the TEE
#          and the disk, the TEE client stack (Debian's tee-supplicant and libteec with the part
#          of glibc they run on), our TAs, tee-test, rampart-latency, rampart-sve-check,
#          rampart-vm (the control VM's tool, docs/hypervisor.md), the OCI bundle's tree (hard
#          links to the base's own files, docs/containers.md), our /init, and the guest halves of
#          the QEMU tests under /usr/share/rampart/tests: what most boots need.
#   tools  crun and rampart-bundle (with the list of the PKCS#11 client's files it links into a
#          container), the PKCS#11 clients (Debian's libckteec0, opensc's
#          pkcs11-tool, gnutls's p11tool, OpenSSH's ssh, ssh-keygen and sshd with rampart-sshd)
#          and the libraries they load that the base does not have. Only meant unpacked over the
#          base.
# FULL is the two concatenated: what `make run` boots and the tests of the tools use.
#   rootfs/build.sh BUILD_ROOT BASE.cpio.gz TOOLS.cpio.gz FULL.cpio.gz
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
out=$2
tools_out=$3
full_out=$4
stage=$build/rootfs/stage
tstage=$build/rootfs/stage-tools
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
# Kernel modules, from the same Debian kernel package as the Image, with what they need and a
# modules.dep for modprobe (rootfs/kmods.sh): the TEE drivers, the virtio-mmio transport, the
# virtio block driver with ext4 for the disk of tee-supplicant's directory, and the virtio
# entropy and console drivers for the devices a VM of the virt variant may own (the PL031 RTC
# driver is built into Debian's kernel).
kver=$(cat "$build/linux/version")
bash "$top/rootfs/kmods.sh" "$build/pkg/kernel" "$kver" "$stage" \
	tee optee optee-rng virtio_mmio virtio_blk ext4 virtio-rng virtio_console

# The TEE client stack. Only the files the programs load are copied: the programs, then every
# shared library their dynamic sections name (readelf NEEDED), transitively, from the unpacked
# Debian packages. Everything lands in /lib/aarch64-linux-gnu, a directory glibc's loader
# searches without an ld.so.cache, behind the loader's usual path /lib/ld-linux-aarch64.so.1.
client=$build/pkg/optee-client
libc6=$build/pkg/libc6
tee_test=$build/userspace/tee-test
[[ -x $client/usr/sbin/tee-supplicant ]] || { echo "rootfs: $client missing: run 'make setup'" >&2; exit 1; }
[[ -x $tee_test ]] || { echo "rootfs: $tee_test missing: run 'make userspace'" >&2; exit 1; }
mkdir -p "$stage/lib/aarch64-linux-gnu" "$stage/lib/optee_armtz" "$stage/var/lib/optee-client" "$stage/data"
# tee-supplicant's directory is Debian's /var/lib/optee-client/data/tee (/init mounts the disk
# there); upstream OP-TEE's /data/tee leads to it too.
ln -s ../var/lib/optee-client/data/tee "$stage/data/tee"
install -m 0755 "$client/usr/sbin/tee-supplicant" "$stage/usr/sbin/tee-supplicant"
${CROSS_COMPILE:-aarch64-linux-gnu-}strip -o "$stage/usr/bin/tee-test" "$tee_test"
${CROSS_COMPILE:-aarch64-linux-gnu-}strip -o "$stage/usr/bin/rampart-latency" "$build/userspace/rampart-latency"
${CROSS_COMPILE:-aarch64-linux-gnu-}strip -o "$stage/usr/bin/rampart-vm" "$build/userspace/rampart-vm"
${CROSS_COMPILE:-aarch64-linux-gnu-}strip -o "$stage/usr/bin/rampart-sve-check" "$build/userspace/rampart-sve-check"
# tee-test's tee-supplicant plugin, in Debian's plugin directory (tee-supplicant --plugin-path).
mkdir -p "$stage/usr/lib/tee-supplicant/plugins"
install -m 0755 "$build"/userspace/plugins/*.plugin "$stage/usr/lib/tee-supplicant/plugins/"
bash "$top/rootfs/needed-libs.sh" "$stage" "$libc6" "$client" -- \
	"$stage/usr/sbin/tee-supplicant" "$stage/usr/bin/tee-test" "$stage/usr/bin/rampart-latency" \
	"$stage/usr/bin/rampart-vm" "$stage/usr/bin/rampart-sve-check"

# The OCI bundle the build made (rootfs/bundle.sh), at /var/lib/rampart/bundles/tee. Its files
# that are the same as the initramfs's own (busybox, tee-test, libteec, glibc) become hard links
# to them, which cpio's newc format stores once. A hard link holds only within one archive (the
# kernel forgets the links at each archive's end), so the tree stays in the base, where it costs
# about a kilobyte; crun, which runs it, is in the tools archive.
bundles=$stage/var/lib/rampart/bundles
mkdir -p "$bundles"
cp -a "$build/bundles/tee" "$bundles/tee"
(cd "$bundles/tee/rootfs" && find . -type f) | while read -r f; do
	f=${f#./}
	if [[ -f $stage/$f ]] && cmp -s "$stage/$f" "$bundles/tee/rootfs/$f"; then
		ln -f "$stage/$f" "$bundles/tee/rootfs/$f"
	fi
done

# Trusted applications: every signed TA the build made, and the deliberately broken ones.
for ta in "$build"/ta/*.ta; do
	[[ -e $ta ]] && install -m 0444 "$ta" "$stage/lib/optee_armtz/"
done
bash "$top/rootfs/broken-tas.sh" "$build/ta/broken-src" "$stage/lib/optee_armtz"
# Two signed builds of the swap TA, for tee-test to install and replace in /lib/optee_armtz.
mkdir -p "$stage/usr/share/rampart/swap-ta"
for v in 1 2; do
	[[ -f $build/ta/swap-src/v$v.ta ]] || { echo "rootfs: $build/ta/swap-src/v$v.ta missing: the TA build makes it" >&2; exit 1; }
	install -m 0444 "$build/ta/swap-src/v$v.ta" "$stage/usr/share/rampart/swap-ta/v$v.ta"
done
echo "rootfs: $(ls "$stage/lib/optee_armtz" | wc -l) TA file(s) in /lib/optee_armtz"

echo "root:x:0:0:root:/root:/bin/sh" >"$stage/etc/passwd"
cat >"$stage/etc/inittab" <<'INITTAB'
::respawn:-/bin/cttyhack /bin/sh
::ctrlaltdel:/bin/reboot
::shutdown:/bin/sync
::shutdown:/bin/umount -r /var/lib/optee-client
INITTAB

# The tools archive, staged on its own: what it holds and the libraries they load that the base
# lacks (needed-libs.sh --base); a library both need is in the base.
rm -rf "$tstage"
mkdir -p "$tstage"/{usr/bin,usr/sbin,usr/lib/aarch64-linux-gnu,etc/ssh,usr/share/rampart}
# crun (Debian's, unmodified), the OCI runtime that runs the bundle (docs/containers.md).
crun=$build/pkg/crun
[[ -x $crun/usr/bin/crun ]] || { echo "rootfs: $crun/usr/bin/crun missing: run 'make setup'" >&2; exit 1; }
install -m 0755 "$crun/usr/bin/crun" "$tstage/usr/bin/crun"
install -m 0755 "$top/rootfs/rampart-bundle" "$tstage/usr/sbin/rampart-bundle"
# The PKCS#11 clients (docs/pkcs11.md): Debian's libckteec0 at its usual path, opensc's
# pkcs11-tool, gnutls's p11tool, and OpenSSH: ssh and ssh-keygen (OpenSSH 9.2 loads a PKCS#11
# module in their own process; ssh-pkcs11-helper serves only ssh-agent, which is not here) and
# sshd, with our sshd_config and rampart-sshd, which starts it.
p11=$build/pkg/pkcs11
for f in usr/bin/pkcs11-tool usr/bin/p11tool usr/bin/ssh usr/bin/ssh-keygen usr/sbin/sshd; do
	[[ -x $p11/$f ]] || { echo "rootfs: $p11/$f missing: run 'make setup'" >&2; exit 1; }
	install -m 0755 "$p11/$f" "$tstage/$f"
done
install -m 0755 "$(readlink -f "$p11/usr/lib/aarch64-linux-gnu/libckteec.so.0")" "$tstage/usr/lib/aarch64-linux-gnu/libckteec.so.0"
install -m 0755 "$top/rootfs/rampart-sshd" "$tstage/usr/sbin/rampart-sshd"
install -m 0644 "$top/rootfs/sshd_config" "$tstage/etc/ssh/sshd_config"
bash "$top/rootfs/needed-libs.sh" --base "$stage" "$tstage" "$libc6" "$p11" "$crun" "$client" -- \
	"$tstage/usr/bin/crun" "$tstage/usr/bin/pkcs11-tool" "$tstage/usr/bin/p11tool" \
	"$tstage/usr/bin/ssh" "$tstage/usr/bin/ssh-keygen" "$tstage/usr/sbin/sshd" \
	"$tstage/usr/lib/aarch64-linux-gnu/libckteec.so.0"
# The PKCS#11 client for containers (rampart-bundle --pkcs11, docs/containers.md): pkcs11-tool,
# libckteec and every library they load, base's and this archive's, one absolute path a line;
# rampart-bundle links them into a container's root on the running system, where both archives
# are one filesystem (a hard link holds only within an archive, so the build cannot).
pstage=$build/rootfs/stage-pkcs11
rm -rf "$pstage"
bash "$top/rootfs/needed-libs.sh" "$pstage" "$libc6" "$p11" "$client" -- \
	"$tstage/usr/bin/pkcs11-tool" "$tstage/usr/lib/aarch64-linux-gnu/libckteec.so.0"
{
	echo /usr/bin/pkcs11-tool
	echo /usr/lib/aarch64-linux-gnu/libckteec.so.0
	(cd "$pstage" && find lib -type f | sed 's#^#/#' | LC_ALL=C sort)
} >"$tstage/usr/share/rampart/bundle-pkcs11.txt"
while read -r f; do
	[[ -f $stage$f || -f $tstage$f ]] || { echo "rootfs: $f (for rampart-bundle --pkcs11) is in neither archive" >&2; exit 1; }
done <"$tstage/usr/share/rampart/bundle-pkcs11.txt"
rm -rf "$pstage"
# What the archive holds, one path a line: also how a guest script knows it was loaded.
(cd "$tstage" && find . -mindepth 1 ! -type d | sed 's#^\.##' | LC_ALL=C sort) >"$tstage/usr/share/rampart/tools.txt"

cpio_gz() { # cpio_gz DIR OUT: DIR as a gzip'd newc archive, everything owned by root
	mkdir -p "$(dirname "$2")"
	(cd "$1" && find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) |
		gzip -9 -n >"$2.tmp"
	mv "$2.tmp" "$2"
}
cpio_gz "$stage" "$out"
cpio_gz "$tstage" "$tools_out"
cat "$out" "$tools_out" >"$full_out.tmp"
mv "$full_out.tmp" "$full_out"
echo "rootfs: $out ($(stat -c %s "$out") bytes, base)"
echo "rootfs: $tools_out ($(stat -c %s "$tools_out") bytes, tools)"
echo "rootfs: $full_out ($(stat -c %s "$full_out") bytes, base + tools)"
