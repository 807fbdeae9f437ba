# shellcheck shell=bash disable=SC2154 # work, kernel, machine, fw, log: set by virt.sh, which sources this
# virt variant: VM memory the configuration places over firmware memory, and device trees given
# with -dtb that disagree with the board or would lie under the hypervisor image, are refused by
# name with a clean stop. Sourced by tests/qemu/virt.sh (uses start, finish, refused, $work).

# vm_at NAME MIB HI LO: a one-VM configuration with a fixed memory-base <HI LO>.
vm_at() {
	printf '/dts-v1/;\n/ { a { vcpus = <1>; memory-mib = <%s>; memory-base = <%s %s>; }; };\n' \
		"$2" "$3" "$4" >"$work/$1.dts"
	dtc -q -I dts -O dtb -o "$work/$1.dtb" "$work/$1.dts"
}
vm_at vm-secure-ram 32 0x0 0x0e000000
refused vm-secure-ram "a: memory 0xe000000-0x10000000 overlaps secure RAM (0xe000000-0xf000000)" \
	-kernel "$kernel"
vm_at vm-on-hypervisor 32 0x0 0x40200000
refused vm-on-hypervisor "a: memory 0x40200000-0x42200000 overlaps the hypervisor (0x40200000-0x41000000)" \
	-kernel "$kernel"
vm_at vm-wraps 64 0xffffffff 0xfe000000
refused vm-wraps "a: memory at 0xfffffffffe000000 (64 MiB) runs past the end of the address space" \
	-kernel "$kernel"

# Device trees: QEMU's own (this board, 4 CPUs, 2 GiB) amended.
qemu-system-aarch64 -M "$machine,dumpdtb=$work/hostile-base.dtb" -cpu cortex-a57 -smp 4 -m 2048 \
	-display none -bios "$fw" >/dev/null 2>&1
dtc -q -I dtb -O dts -o "$work/hostile-base.dts" "$work/hostile-base.dtb"

# dtb_refused NAME TEXT DTS-TEXT: boot the amended tree with the built-in configuration.
dtb_refused() {
	{ cat "$work/hostile-base.dts"; printf '%s\n' "$3"; } >"$work/$1.dts"
	(cd "$work" && dtc -q -I dts -O dtb -o "$1.dtb" "$1.dts")
	start "$1" "" 4 -dtb "$work/$1.dtb" -kernel "$kernel" -append console=ttyAMA0
	finish 60
	check "$1: refused: '$2'" "$log" has "$log" "$2"
	check "$1: the machine stops by itself" "$log" exited_cleanly
}
dtb_refused virt-dtb-secure-ram \
	"device tree memory node /ram@e000000 (reg) 0xe000000-0xf000000 overlaps the EL3 monitor" \
	'/ { ram@e000000 { device_type = "memory"; reg = <0x0 0x0e000000 0x0 0x01000000>; }; };'
dtb_refused virt-dtb-past-ram "is outside the board's RAM (0x40000000-0xc0000000)" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x1 0x0>; }; };'
# The hypervisor reads the tree where QEMU left it: a tree of more than 2 MiB reaches its image.
head -c 2500000 /dev/zero >"$work/virt-blob.bin"
dtb_refused virt-dtb-under-hypervisor "placement refused: the hypervisor image 0x40200000-" \
	'/ { padding-for-test = /incbin/("virt-blob.bin"); };'
check "virt-dtb-under-hypervisor: the refusal names the device tree" "$log" \
	grep -q "overlaps the device tree (0x40000000-" "$log"
