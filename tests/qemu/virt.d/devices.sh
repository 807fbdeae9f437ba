# shellcheck shell=bash disable=SC2154 # top, work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: board devices given to VMs (docs/hypervisor.md "Devices for VMs"). vm0 owns the
# virtio-mmio transport QEMU puts the first -device on (virtio_mmio@a003e00, with the 7 others
# of its page) and mounts the ext4 disk given as `-drive ... -device virtio-blk-device`, reading
# a file this test wrote into the image. vm1 owns the PL031 and the page of virtio_mmio@a000000:
# virtio-rng on that transport and a virtio-console on the next, which came with the page. Each
# reads the other's device and faults, which the hypervisor logs; vm1 reboots and its devices
# work again. Configurations that cannot be run are refused by name. Guest half:
# tests/qemu/guest/devices.sh. Sourced by tests/qemu/virt.sh (uses start, wait_for, stop,
# refused, check).
. "$top/tests/qemu/disk.sh"

token=tok-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
rm -rf "$work/devices-disk"
mkdir -p "$work/devices-disk"
echo "$token" >"$work/devices-disk/rampart-token"
img=$(disk_new devices 16 "$work/devices-disk")
now=$(date +%s)
guest="console=ttyAMA0 rampart.test=devices"
cat >"$work/devices.dts" <<DTS
/dts-v1/;
/ {
	vm0 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "$guest rampart.disk-token=$token rampart.foreign=0x9010000";
		devices = "virtio_mmio@a003e00";
		dma = "identity";
	};
	vm1 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "$guest rampart.rtc-epoch=$now rampart.rng=1 rampart.hvc=$token rampart.foreign=0xa003e00 rampart.then=reboot";
		devices = "pl031@9010000", "virtio_mmio@a000000";
		dma = "identity";
	};
};
DTS
dtc -q -I dts -O dtb -o "$work/devices.dtb" "$work/devices.dts"
rm -f "$work/devices-hvc.out"
disk_args "$img"
start devices devices 4 -kernel "$kernel" -initrd "$initrd" "${qemu_disk[@]}" \
	-device virtio-rng-device,bus=virtio-mmio-bus.0 \
	-device virtio-serial-device,bus=virtio-mmio-bus.1 \
	-chardev "file,id=hvc,path=$work/devices-hvc.out" -device virtconsole,chardev=hvc
wait_for 1 "[vm0] rampart-info: device checks done" 600
wait_for 2 "[vm1] rampart-info: device checks done" 600
stop
log=$logs/devices.log
check "devices: the hypervisor gives vm0 the disk's transport and its page" "$log" \
	has "$log" "[hyp] vm0: device virtio_mmio@a003e00 at 0xa003e00, INTID 79, with the 7 others of its 4 KiB page"
check "devices: ...and vm1 the RTC" "$log" has "$log" "[hyp] vm1: device pl031@9010000 at 0x9010000, INTID 34"
check "devices: vm0 mounts the virtio-blk disk and reads the file the test wrote" "$log" vm_ok "$log" vm0 disk
# vm1 boots twice: its devices were reset when it rebooted, and work again.
for c in rtc rtc-alarm rng rng-irq-on-vcpu1 hvc-write foreign-device-faults-0xa003e00; do
	check "devices: vm1: $c, on both boots" "$log" \
		bash -c "[[ \$(grep -c '^\[vm1\] rampart-check: $c: ok' '$log') -ge 2 ]]"
done
check "devices: vm1 restarted alone" "$log" has "$log" "[hyp] vm1: reset by its kernel"
# The guest's tty ends lines with CR LF.
check "devices: vm1's virtio-console output reaches the host, from both boots" "$log" \
	bash -c "[[ \$(grep -c '^rampart-hvc: $token.\?\$' '$work/devices-hvc.out') -ge 2 ]]"
check "devices: vm0 reading vm1's RTC faults" "$log" vm_ok "$log" vm0 foreign-device-faults-0x9010000
check "devices: the hypervisor logs vm0's read of vm1's RTC" "$log" \
	grep -q "^\[hyp\] vm0: vcpu[01]: read of 4 bytes at 0x9010000 outside its assignment, in vm1's device pl031@9010000" "$log"
check "devices: the hypervisor logs vm1's read of vm0's disk transport" "$log" \
	grep -q "^\[hyp\] vm1: vcpu[01]: read of 4 bytes at 0xa003e00 outside its assignment, in vm0's device virtio_mmio@a003e00" "$log"
check "devices: VM consoles tagged, no untagged Linux line" "$log" \
	bash -c "! grep -a -v '^\[\(vm0\|vm1\|hyp\)\] \|^rampart-boot\|^\s*$' '$log' | grep -q ."

# Refused: each names the VM, the device and why.
devcfg() { # devcfg NAME VM-NODE...: a configuration blob of the VM nodes given
	local name=$1
	shift
	{ echo '/dts-v1/;'; echo '/ {'; printf '%s\n' "$@"; echo '};'; } >"$work/$name.dts"
	dtc -q -I dts -O dtb -o "$work/$name.dtb" "$work/$name.dts"
}
vm_a='a { vcpus = <1>; memory-mib = <64>; dma = "identity";'
vm_b='b { vcpus = <1>; memory-mib = <64>; dma = "identity";'
devcfg dev-none "$vm_a devices = \"virtio_mmio@b000000\"; };"
refused dev-none "refused: a: no device 'virtio_mmio@b000000' on this board" -kernel "$kernel"
devcfg dev-hyp-uart "$vm_a devices = \"pl011@9000000\"; };"
refused dev-hyp-uart "refused: a: pl011@9000000 is not for VMs: it is the hypervisor's console UART" -kernel "$kernel"
devcfg dev-gic "$vm_a devices = \"intc@8000000\"; };"
refused dev-gic "refused: a: intc@8000000 is not for VMs: it is the GIC" -kernel "$kernel"
devcfg dev-twice "$vm_a devices = \"pl031@9010000\"; };" "$vm_b devices = \"pl031@9010000\"; };"
refused dev-twice "refused: a and b: both are given pl031@9010000" -kernel "$kernel"
devcfg dev-split "$vm_a devices = \"virtio_mmio@a003e00\"; };" "$vm_b devices = \"virtio_mmio@a003c00\"; };"
refused dev-split "refused: b: virtio_mmio@a003c00 is in the 4 KiB page 0xa003000, which a has (for virtio_mmio@a003e00): a page goes to one VM" -kernel "$kernel"
devcfg dev-no-dma 'a { vcpus = <1>; memory-mib = <64>; devices = "virtio_mmio@a003e00"; };'
refused dev-no-dma "refused: a: its devices master the bus and the board has no IOMMU: the VM needs dma = \"identity\"" -kernel "$kernel"
