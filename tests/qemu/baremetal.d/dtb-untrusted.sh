# shellcheck shell=bash disable=SC2154 # work, kernel: set by run.sh, which sources this
# A device tree given with -dtb whose reserve map runs into the structure block: libfdt 1.6.1's
# fdt_pack wrote past the tree (found by the dt_fixup fuzzer, docs/fuzzing.md); now refused by
# name (lib/common/fdt_untrusted.c) and the machine stops. (A property whose length loops the
# walk cannot come through -dtb: QEMU's own libfdt hangs on it first; virt.d/config-untrusted.sh
# sends it through fw_cfg.) Sourced by tests/qemu/run.sh after it dumped QEMU's tree.
dtb_patch() { # dtb_patch OUT KIND: QEMU's tree, damaged one way (loop or rsvmap)
	python3 - "$work/virt.dtb" "$1" "$2" <<'PY'
import struct, sys
src, out, kind = sys.argv[1:4]
b = bytearray(open(src, "rb").read())
off_struct, off_strings, off_rsv = struct.unpack_from(">III", b, 8)
if kind == "loop":
    p = off_struct
    while struct.unpack_from(">I", b, p)[0] != 3:  # the first FDT_PROP
        tag = struct.unpack_from(">I", b, p)[0]
        p += 4
        if tag == 1:  # skip the node name
            while b[p]:
                p += 1
            p = (p + 4) & ~3
    struct.pack_into(">I", b, p + 4, 0xFFFFFFF4)  # len -12: the next tag is this one
else:
    struct.pack_into(">QQ", b, off_rsv, 0x1C0C00, 0x1000)  # no terminator before the structure
    assert off_rsv + 16 == off_struct
open(out, "wb").write(b)
PY
}
dtb_patch "$work/dtb-rsvmap.dtb" rsvmap
boot dtb-rsvmap 60 -smp 2 -m 1024 -kernel "$kernel" -dtb "$work/dtb-rsvmap.dtb" -append console=ttyAMA0
stops_with dtb-rsvmap "no valid device tree at 0x40000000: FDT_ERR_BADLAYOUT"
