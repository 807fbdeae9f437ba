# shellcheck shell=bash disable=SC2154,SC2034 # top, build, work, logs, kernel, machine, fw, log, rc: set by virt.sh, which sources this
# virt variant: the PKCS#11 token of each VM (docs/pkcs11-clients.md "In VMs"). Two VMs at once,
# each with Debian's libckteec0 and pkcs11-tool on its own optee.ko and tee-supplicant and its
# own TEE disk: both initialise their token with the same label, SO PIN and user PIN and make a
# key with id 01. vm0 goes first; the console then lets vm1 go on, which finds a blank token
# and none of vm0's objects, before and after its own initialisation; then vm0, whose token
# nothing of vm1's reached (its flags after vm1's wrong PIN among it). The host checks every
# signature with its own cryptography against both public keys. A second boot on the same disks
# finds each VM's token and key; a third with the disks swapped opens neither. Guest half:
# tests/qemu/guest/pkcs11-vm.sh. Sourced by tests/qemu/virt.sh (uses wait_for, finish, check).
. "$top/tests/qemu/disk.sh"

p11vm_initrd=$build/rootfs/initramfs-tools.cpio.gz
p11vm_img0=$(disk_new p11vm0 32)
p11vm_img1=$(disk_new p11vm1 32)

# p11vm_config NAME ROLE0 ROLE1 [VM1-ARGS]: vm0 with the disk on transport 31 (virtio_mmio@a003e00), vm1 with
# the one on transport 0 (virtio_mmio@a000000): pages of their own
p11vm_config() {
	local name=$1 args="console=ttyAMA0 rampart.test=pkcs11-vm rampart.p11vm"
	cat >"$work/$name.dts" <<DTS
/dts-v1/;
/ {
	vm0 { vcpus = <1>; memory-mib = <640>; bootargs = "$args=$2";
	      devices = "virtio_mmio@a003e00"; dma = "identity"; };
	vm1 { vcpus = <1>; memory-mib = <640>; bootargs = "$args=$3 ${4:-}";
	      devices = "virtio_mmio@a000000"; dma = "identity"; };
};
DTS
	dtc -q -I dts -O dtb -o "$work/$name.dtb" "$work/$name.dts"
}

# p11vm_start NAME DISK31 DISK0: QEMU with the console's input from a FIFO (fd 3, p11vm_type)
p11vm_start() {
	local name=$1 d31=$2 d0=$3
	rm -f "$work/$name.in"
	mkfifo "$work/$name.in"
	log=$logs/$name.log
	: >"$log"
	qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -smp 2 -m 2048 -display none -monitor none \
		-serial stdio -serial "file:$logs/$name.secure.log" -bios "$fw" \
		-fw_cfg "name=opt/rampart/vms.dtb,file=$work/$name.dtb" \
		-kernel "$kernel" -initrd "$p11vm_initrd" \
		-drive "if=none,file=$d31,format=raw,id=d31" -device virtio-blk-device,drive=d31,bus=virtio-mmio-bus.31 \
		-drive "if=none,file=$d0,format=raw,id=d0" -device virtio-blk-device,drive=d0,bus=virtio-mmio-bus.0 \
		<"$work/$name.in" >"$log" 2>"$logs/$name.qemu.log" &
	qpid=$!
	exec 3>"$work/$name.in"
	p11vm_t0=$(date +%s.%N)
}
p11vm_type() { printf '%b' "$1" >&3; }
p11vm_took() { awk -v a="$p11vm_t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }'; }
p11vm_ok() { vm_ok "$log" "$@"; }
# p11vm_sig PUB-LOG PUB-VM SIG-LOG SIG-VM SIG-NAME: the host verifies the signature
p11vm_sig() { /usr/bin/python3 "$top/tests/qemu/p11_vm_verify.py" "$@"; }
p11vm_not_sig() { p11vm_sig "$@"; [[ $? == 1 ]]; }
p11vm_pub() { sed -n "s/^\[$2\] p11-export: pub //p" "$1" | head -n1 | tr -d '\r'; } # its first

# 1. Both VMs at once on fresh disks: vm0 first, then vm1, then vm0 again.
p11vm_config p11vm owner other
p11vm_start p11vm "$p11vm_img0" "$p11vm_img1"
if wait_for 1 "[vm0] p11vm: token ready" 1200 && wait_for 1 "[vm1] p11vm: waiting for the other VM" 600; then
	echo "  p11vm: both VMs booted, vm0's token made and key 01 signed: $(p11vm_took) s"
	p11vm_type '\035'
	wait_for 1 "[hyp] console input goes to vm1" 30
	p11vm_type 'go\n'
	wait_for 1 "[vm1] pkcs11-vm: done" 900
	wait_for 1 "[hyp] vm1: off" 120
	p11vm_type '\035'
	wait_for 2 "[hyp] console input goes to vm0" 30
	p11vm_type 'go\n'
fi
finish 900
exec 3>&-
echo "  p11vm: the whole run took $(p11vm_took) s"
p11vm_first=$log
for c in p11vm-blank-at-first p11vm-init-token p11vm-init-pin p11vm-keygen p11vm-read-pub \
	p11vm-sign-first p11vm-verify-first p11vm-flags-unchanged p11vm-label-kept \
	p11vm-one-private-key p11vm-one-public-key p11vm-read-pub-after p11vm-pub-unchanged \
	p11vm-sign-after p11vm-verify-after p11vm-user-init-token p11vm-user-init-pin \
	p11vm-user-keygen p11vm-so-flags-unchanged p11vm-user-key-kept; do
	check "p11vm: vm0: $c" "$log" p11vm_ok vm0 "$c"
done
for c in p11vm-blank-despite-other p11vm-no-other-label p11vm-other-pin-before-init \
	p11vm-no-object-before-init p11vm-no-pub-before-init p11vm-init-token p11vm-init-pin \
	p11vm-other-key-not-listed p11vm-other-pub-not-read p11vm-other-key-not-signing \
	p11vm-keygen p11vm-read-pub p11vm-sign-first p11vm-verify-first p11vm-one-private-key \
	p11vm-user-blank-despite-other p11vm-user-init-token p11vm-user-init-pin \
	p11vm-user-other-key-not-listed p11vm-user-other-key-not-signing p11vm-wrong-pin \
	p11vm-count-low p11vm-wrong-so-pin p11vm-so-count-low; do
	check "p11vm: vm1: $c" "$log" p11vm_ok vm1 "$c"
done
check "p11vm: no check of either VM failed" "$log" bash -c "! grep -q 'rampart-check: .*FAILED' '$log'"
check "p11vm: vm1 went on only once vm0's token was ready" "$log" bash -c \
	"[[ \$(grep -n '^\[vm0\] p11vm: token ready' '$log' | cut -d: -f1) -lt \$(grep -n '^\[vm1\] p11vm: going on' '$log' | cut -d: -f1) ]]"
check "p11vm: ...and vm0 once vm1 was done" "$log" bash -c \
	"[[ \$(grep -n '^\[vm1\] pkcs11-vm: done' '$log' | cut -d: -f1) -lt \$(grep -n '^\[vm0\] p11vm: going on' '$log' | cut -d: -f1) ]]"
p11vm_serial() { sed -n "s/^\[$2\] p11vm: user token serial \([0-9a-f]\{16\}\).*/\1/p" "$1"; }
check "p11vm: root's identity token has the same client UUID (serial) in both VMs" "$log" \
	test -n "$(p11vm_serial "$log" vm0)" -a "$(p11vm_serial "$log" vm0)" == "$(p11vm_serial "$log" vm1)"
p11vm_p0=$(p11vm_pub "$log" vm0)
p11vm_p1=$(p11vm_pub "$log" vm1)
check "p11vm: each VM's key 01 has a public key of its own" "$log" \
	test -n "$p11vm_p0" -a -n "$p11vm_p1" -a "$p11vm_p0" != "$p11vm_p1"
check "p11vm: the host verifies vm0's signature with vm0's key" "$log" p11vm_sig "$log" vm0 "$log" vm0 sig-first
check "p11vm: ...and vm0's signature after vm1's run" "$log" p11vm_sig "$log" vm0 "$log" vm0 sig-after
check "p11vm: ...and vm1's with vm1's key" "$log" p11vm_sig "$log" vm1 "$log" vm1 sig-first
check "p11vm: vm0's signatures do not verify with vm1's key" "$log" p11vm_not_sig "$log" vm1 "$log" vm0 sig-first
check "p11vm: ...neither the one after vm1's run" "$log" p11vm_not_sig "$log" vm1 "$log" vm0 sig-after
check "p11vm: vm1's signature does not verify with vm0's key" "$log" p11vm_not_sig "$log" vm0 "$log" vm1 sig-first
check "p11vm: the trusted OS has each VM as a guest of its own storage identity" "$logs/p11vm.secure.log" \
	bash -c "[[ \$(grep -o 'storage identity 0x[0-9a-f]*' '$logs/p11vm.secure.log' | sort -u | wc -l) == 2 ]]"
check "p11vm: the token TA (single-instance) has one instance in each VM" "$logs/p11vm.secure.log" \
	bash -c "[[ \$(grep -c 'TA fd02c9da-306c-48c7-a49c-bbd827ae86ee instance created' '$logs/p11vm.secure.log') == 2 ]]"
check "p11vm: QEMU ends with status 0 once both VMs power off" "$log" exited_cleanly

# 2. The same VMs on the same disks again: each finds its own token and key 01.
p11vm_config p11vm-again again again rampart.p11vm-rollback=1
p11vm_start p11vm-again "$p11vm_img0" "$p11vm_img1"
finish 1200
exec 3>&-
echo "  p11vm-again: the run took $(p11vm_took) s"
for vm in vm0 vm1; do
	for c in p11vm-kept-label p11vm-kept-one-private-key p11vm-kept-read-pub p11vm-sign-again \
		p11vm-verify-again; do
		check "p11vm-again: $vm: $c" "$log" p11vm_ok "$vm" "$c"
	done
	check "p11vm-again: $vm: key 01 is the first boot's" "$log" \
		test -n "$(p11vm_pub "$log" $vm)" -a "$(p11vm_pub "$log" $vm)" == "$(p11vm_pub "$p11vm_first" $vm)"
	check "p11vm-again: $vm: the host verifies its signature with the first boot's key" "$log" \
		p11vm_sig "$p11vm_first" $vm "$log" $vm sig-again
done
check "p11vm-again: vm1's failed PIN try is still counted" "$log" \
	grep -q '^\[vm1\] pkcs11-tool: .*token flags.*user PIN count low' "$log"
check "p11vm-again: ...and not in vm0's token" "$log" \
	bash -c "grep -q '^\[vm0\] pkcs11-tool: .*token flags' '$log' && ! grep -q '^\[vm0\] pkcs11-tool: .*token flags.*count low' '$log'"
# Then vm1 spends two PIN tries, puts its store back as it was before and reboots (the board
# runs on): the trusted OS refuses the old store, the PIN tries are not given back
for c in p11vm-rollback-wrong-pin p11vm-rollback-wrong-pin-2 p11vm-rollback-final-try \
	p11vm-rollback-refused p11vm-rollback-newer-works; do
	check "p11vm-again: vm1: $c" "$log" p11vm_ok vm1 "$c"
done
check "p11vm-again: vm1 rebooted alone with its store rolled back" "$log" \
	has "$log" "[hyp] vm1: reset by its kernel"
check "p11vm-again: the trusted OS refused vm1's old index after vm1's reboot" "$logs/p11vm-again.secure.log" \
	grep -q "TA fd02c9da-306c-48c7-a49c-bbd827ae86ee: index version [0-9]* is older than [0-9]*: rolled back" "$logs/p11vm-again.secure.log"
check "p11vm-again: QEMU ends with status 0" "$log" exited_cleanly

# 3. The disks swapped: each VM's tee-supplicant serves the other VM's files, sealed with the
# other VM's keys: neither token nor key opens.
p11vm_config p11vm-swapped swapped swapped
p11vm_start p11vm-swapped "$p11vm_img1" "$p11vm_img0"
finish 1200
exec 3>&-
echo "  p11vm-swapped: the run took $(p11vm_took) s"
for vm in vm0 vm1; do
	for c in p11vm-swapped-refused p11vm-swapped-no-label p11vm-swapped-no-key p11vm-swapped-no-signing \
		p11vm-swapped-no-init; do
		check "p11vm-swapped: $vm: $c" "$log" p11vm_ok "$vm" "$c"
	done
done
check "p11vm-swapped: the trusted OS says why: the store is not this TA's (this VM's)" \
	"$logs/p11vm-swapped.secure.log" grep -q "fd02c9da-306c-48c7-a49c-bbd827ae86ee/index does not open: corrupt or not this TA's" "$logs/p11vm-swapped.secure.log"
check "p11vm-swapped: QEMU ends with status 0" "$log" exited_cleanly
