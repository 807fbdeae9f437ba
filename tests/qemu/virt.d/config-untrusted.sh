# shellcheck shell=bash disable=SC2154 # work, kernel, log: set by virt.sh, which sources this
# A VM configuration whose first property's length leads libfdt's walk back to the property
# itself: libfdt 1.6.1 loops forever on it (found by the vm_config fuzzer, docs/fuzzing.md). The
# hypervisor refuses it by name (lib/common/fdt_untrusted.c) and stops. Sourced by virt.sh.
config loopprop "a 1 64 x"
python3 - "$work/loopprop.dtb" <<'PY'
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
p = struct.unpack_from(">I", b, 8)[0]  # the structure block
while struct.unpack_from(">I", b, p)[0] != 3:  # to the first FDT_PROP
    tag = struct.unpack_from(">I", b, p)[0]
    p += 4
    if tag == 1:  # past the node name
        while b[p]:
            p += 1
        p = (p + 4) & ~3
struct.pack_into(">I", b, p + 4, 0xFFFFFFF4)  # len -12: the next tag is this one
open(sys.argv[1], "wb").write(b)
PY
refused loopprop "configuration is damaged: FDT_ERR_BADSTRUCTURE" -kernel "$kernel"
