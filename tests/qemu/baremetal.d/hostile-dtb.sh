# shellcheck shell=bash disable=SC2154 # machine, work, fw, kernel: set by run.sh, which sources this
# Hostile device trees given with -dtb, and kernel Images whose header makes the layout arithmetic
# wrap: each gives a named refusal on the console and a clean stop (QEMU exit 0), before the boot
# stage writes anything. Sourced by tests/qemu/run.sh (uses boot, stops_with, $work, $machine).
#
# QEMU drops every root node named memory* from a -dtb tree and adds its own memory node for the
# board's RAM, so the hostile shapes here are nodes under other names that still say
# device_type = "memory" (Linux would use them as RAM), QEMU's own disabled secure-RAM node
# enabled, and odd root cells.

qemu-system-aarch64 -M "$machine,dumpdtb=$work/hostile-base.dtb" -cpu cortex-a57 -smp 2 -m 1024 \
	-display none -bios "$fw" >/dev/null 2>&1
dtc -q -I dtb -O dts -o "$work/hostile-base.dts" "$work/hostile-base.dtb"

# hostile_dtb NAME DTS-TEXT: QEMU's own tree plus DTS-TEXT (nodes, or &{/path} amendments).
hostile_dtb() {
	{ cat "$work/hostile-base.dts"; printf '%s\n' "$2"; } >"$work/$1.dts"
	dtc -q -I dts -O dtb -o "$work/$1.dtb" "$work/$1.dts"
}

# hostile_boot NAME TEXT DTS-TEXT: boot QEMU's tree amended by DTS-TEXT; TEXT must be named.
hostile_boot() {
	hostile_dtb "$1" "$3"
	boot "$1" 60 -smp 2 -m 1024 -kernel "$kernel" -dtb "$work/$1.dtb" -append console=ttyAMA0
	stops_with "$1" "$2"
}

hostile_boot dtb-secure-ram \
	"device tree memory node /ram@e000000 (reg) 0xe000000-0xf000000 overlaps the EL3 monitor" \
	'/ { ram@e000000 { device_type = "memory"; reg = <0x0 0x0e000000 0x0 0x01000000>; }; };'
hostile_boot dtb-trusted-os "overlaps the trusted OS" \
	'/ { ram@e200000 { device_type = "memory"; reg = <0x0 0x0e200000 0x0 0x00100000>; }; };'
# From below DRAM into it: the shape that once made the boot stage copy the tree into secure RAM.
hostile_boot dtb-below-ram \
	"device tree memory node /ram@3fe00000 (reg) 0x3fe00000-0x7fe00000 is outside the board's RAM (0x40000000-0x80000000)" \
	'/ { ram@3fe00000 { device_type = "memory"; reg = <0x0 0x3fe00000 0x0 0x40000000>; }; };'
hostile_boot dtb-past-ram "0x40000000-0xc0000000 is outside the board's RAM (0x40000000-0x80000000)" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x80000000>; }; };'
hostile_boot dtb-wrapping-size "runs past the end of the address space" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0xffffffff 0xfff00000>; }; };'
hostile_boot dtb-second-range "(reg) 0xef00000-0xef01000 overlaps the boot stage's stack and page tables" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x100000 0x0 0x0ef00000 0x0 0x1000>; }; };'
hostile_boot dtb-usable-memory "(linux,usable-memory) 0xe000000-0xe001000 overlaps the EL3 monitor" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0 0x100000>; linux,usable-memory = <0x0 0x0e000000 0x0 0x1000>; }; };'
hostile_boot dtb-secram-enabled "device tree memory node /secram@e000000 (reg) 0xe000000-0xf000000 overlaps the EL3 monitor" \
	'&{/secram@e000000} { status = "okay"; };'
# One address and one size cell at the root: QEMU writes its own node that way; ours must read
# the hostile node that way too.
hostile_boot dtb-one-cell "device tree memory node /ram@e000000 (reg) 0xe000000-0xf000000 overlaps the EL3 monitor" \
	'/ { #address-cells = <1>; #size-cells = <1>; ram@e000000 { device_type = "memory"; reg = <0x0e000000 0x01000000>; }; };'
hostile_boot dtb-bad-reg "is 12 bytes, not a whole number of <2 address + 2 size> cells" \
	'/ { ram@40000000 { device_type = "memory"; reg = <0x0 0x40000000 0x0>; }; };'

# A kernel Image header (Linux Documentation/arch/arm64/booting.rst) with image_size near 2^64:
# kernel_base + image_size wraps to a small address unless every sum is checked.
# put_u64 FILE OFFSET VALUE: write a little-endian 64-bit value into FILE.
put_u64() {
	local hex
	hex=$(printf '%016x' "$3")
	printf '%b' "$(echo "$hex" | sed -E 's/(..)(..)(..)(..)(..)(..)(..)(..)/\\x\8\\x\7\\x\6\\x\5\\x\4\\x\3\\x\2\\x\1/')" |
		dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
head -c 1048576 "$kernel" >"$work/wrap-image.bin"
put_u64 "$work/wrap-image.bin" 16 0xfffffffffffff000 # image_size
boot image-size-wraps 60 -smp 2 -m 1024 -kernel "$work/wrap-image.bin" -append console=ttyAMA0
stops_with image-size-wraps "the kernel does not fit in RAM"
head -c 1048576 "$kernel" >"$work/wrap-offset.bin"
put_u64 "$work/wrap-offset.bin" 8 0xffffffffffe00000 # text_offset
boot text-offset-wraps 60 -smp 2 -m 1024 -kernel "$work/wrap-offset.bin" -append console=ttyAMA0
stops_with text-offset-wraps "the kernel Image header has an invalid text_offset"
