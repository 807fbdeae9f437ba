#!/usr/bin/env bash
# Regenerates the committed seed corpus tests/fuzz/corpus/<target>/ from the build (a signed TA,
# the hypervisor's default VM configuration, the kernel's Image header) and QEMU's own virt
# device tree, plus hand-made edge cases. Run after `make` and `make tas`; commit the result.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
c=$top/tests/fuzz/corpus
b=$top/build
ta=$(find "$b/ta" -maxdepth 1 -name "*.ta" | sort | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$c"
mkdir -p "$c"/{msg,msg_params,ta_image,ta_elf,ta_dyn,vm_config,dt_fixup,fw_cfg_file,linux_layout,p11_template}
# Shared TA libraries as the dev kit links them, a refused one (DT_NEEDED cycle) and the one
# whose relocation was moved outside it (mk/ta.mk).
cp "$b/ta-obj/rampart_shlib/librampart_shlib.stripped.so" "$c/ta_dyn/shlib1.so"
cp "$b/ta-obj/rampart_shlib2/librampart_shlib2.stripped.so" "$c/ta_dyn/shlib2.so"
cp "$b/ta-obj/rampart_shlib_bad-cycle-a/librampart_bad.stripped.so" "$c/ta_dyn/cycle-a.so"
cp "$b/ta-obj/rampart_shlib_bad-bad-reloc/altered.so" "$c/ta_dyn/bad-reloc.so"

# QEMU's virt board as the firmware gets it (secure, EL2, GICv3, 4 CPUs, 2 GiB).
qemu-system-aarch64 -M virt,secure=on,virtualization=on,gic-version=3,dumpdtb="$tmp/virt.dtb" \
	-cpu cortex-a57 -smp 4 -m 2048 -nographic >/dev/null 2>&1
# QEMU pads its blob to 1 MiB; the seed is the same tree without the padding.
dtc -q -I dtb -O dtb -o "$tmp/virt-packed.dtb" "$tmp/virt.dtb"
# A configuration with every property, two VMs.
printf '/dts-v1/;\n/ { big { vcpus = <1>; memory-mib = <64>; memory-base = <0x0 0x80000000>; kernel = "opt/rampart/vm1-kernel"; initrd = "opt/rampart/vm1-initrd"; bootargs = "console=ttyAMA0"; devices = "virtio_mmio@a003e00", "pl031@9010000"; dma = "identity"; }; small { vcpus = <3>; memory-mib = <32>; }; };\n' |
	dtc -q -I dts -O dtb -o "$tmp/vms-full.dtb" -
dtc -q -I dts -O dtb -o "$tmp/vms.dtb" "$top/hyp/vms.dts"
head -c 64 "$b/linux/Image" >"$tmp/image-header"

python3 - "$c" "$ta" "$tmp" <<'PY'
import os, struct, sys
c, ta, tmp = sys.argv[1:4]
def put(target, name, data):
    open(os.path.join(c, target, name), "wb").write(data)
def rd(p):
    return open(p, "rb").read()

# msg_params: one byte (first GP parameter: 0 or 2), header (8 u32), params (u64 attr + 3 u64).
def msg(first, params, num=None):
    n = len(params) if num is None else num
    out = bytes([first]) + struct.pack("<8I", 1, 7, 3, 0, 0, 0, 0, n)
    for attr, a, b, cc in params:
        out += struct.pack("<4Q", attr, a, b, cc)
    return out
META = 0x100
uuid = (0xe411502400f2aa8a, 0x0b8a4f3bd8a1e2b7)
put("msg_params", "open-session", msg(2, [(META | 1, *uuid, 0), (META | 1, 0, 0, 0),
    (3, 1, 2, 0), (9, 0x40001000, 64, 0), (5, 100, 200, 0x1234), (0, 0, 0, 0)]))
put("msg_params", "invoke-all-types", msg(0, [(1, 1, 2, 3), (0xA, 0x40002000, 4096, 0),
    (7, 0, 3 * 4096 - 100, 0x1234), (0xB, 0, 0, 0)]))
put("msg_params", "tmem-into-secure-ram", msg(0, [(9, 0x0E000000, 4096, 0)]))
put("msg_params", "tmem-wraps", msg(0, [(0xB, 0xFFFFFFFFFFFFF000, 0x2000, 0)]))
put("msg_params", "rmem-past-end", msg(0, [(6, 0x2f00, 0x200, 0x1234)]))
put("msg_params", "six-params-first-0", msg(0, [(1, 0, 0, 0)] * 6))
put("msg_params", "noncontig-attr", msg(0, [(0x20A, 0x40003000, 8192, 0x99)]))
put("msg_params", "empty", msg(0, []))

# msg: whole messages (header with cmd and num_params, then the parameters), no selector byte.
def whole(cmd, params, session=1):
    out = struct.pack("<8I", cmd, 7, session, 0, 0, 0, 0, len(params))
    for attr, a, b, cc in params:
        out += struct.pack("<4Q", attr, a, b, cc)
    return out
stats = (int.from_bytes(bytes.fromhex("5ee1c0de7a114e57"), "little"),
         int.from_bytes(bytes.fromhex("9a6e737461747300"), "little"))
put("msg", "open-stats-pta", whole(0, [(META | 1, *stats, 0), (META | 1, 0, 0, 0), (2, 0, 0, 0),
    (0, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)]))
put("msg", "open-ta", whole(0, [(META | 1, *uuid, 0), (META | 1, 0, 0, 4), (3, 1, 2, 0),
    (5, 0, 64, 0x1234), (0, 0, 0, 0), (0, 0, 0, 0)]))
put("msg", "invoke", whole(1, [(3, 1, 2, 3), (7, 16, 100, 0x1234), (0xA, 0, 0, 0), (1, 5, 6, 7)]))
put("msg", "close", whole(2, []))
put("msg", "cancel-six-params", whole(3, [(1, 0, 0, 0)] * 6))
put("msg", "close-five-params", whole(2, [(1, 0, 0, 0)] * 5))
put("msg", "register-shm", whole(4, [(0x20A, 0x1000, 8192, 0x99)]))
put("msg", "unregister-shm", whole(5, [(5, 0, 0, 0x99)]))
put("msg", "trusted-app-login", whole(0, [(META | 1, *uuid, 0), (META | 1, 0, 0, 0xF0000000)]))

# ta_image / ta_elf: a signed TA as built, its ELF, and edge cases.
img = rd(ta)
put("ta_image", "signed-ta", img)
put("ta_image", "header-only", img[:20])
put("ta_image", "truncated", img[:len(img) // 2])
hdr = bytearray(img[:20]); struct.pack_into("<I", hdr, 8, 0xFFFFFFF0)
put("ta_image", "img-size-huge", bytes(hdr) + img[20:4096])
elf = img[20 + 32 + struct.unpack_from("<H", img, 18)[0]:]
put("ta_elf", "ta-elf", elf)
put("ta_elf", "header-only", elf[:64])
# A minimal static AArch64 executable: one RX segment at the image base holding the entry.
eh = b"\x7fELF\x02\x01\x01" + bytes(9) + struct.pack("<HHIQQQIHHHHHH",
    2, 183, 1, 0x100000, 64, 0, 0, 64, 56, 1, 0, 0, 0)
ph = struct.pack("<IIQQQQQQ", 1, 5, 0, 0x100000, 0x100000, 0x200, 0x200, 0x1000)
put("ta_elf", "minimal", eh + ph + bytes(0x200 - 120))
wx = struct.pack("<IIQQQQQQ", 1, 7, 0, 0x100000, 0x100000, 0x200, 0x200, 0x1000)
put("ta_elf", "writable-executable", eh + wx + bytes(0x200 - 120))

# vm_config: the built-in configuration, one with every property, one cut short.
put("vm_config", "default", rd(os.path.join(tmp, "vms.dtb")))
full = rd(os.path.join(tmp, "vms-full.dtb"))
put("vm_config", "every-property", full)
put("vm_config", "truncated", full[:len(full) - 40])

# dt_fixup: room byte, then QEMU's virt tree; and with no room to grow.
virt = rd(os.path.join(tmp, "virt-packed.dtb"))
put("dt_fixup", "qemu-virt", b"\x10" + virt)
put("dt_fixup", "qemu-virt-no-room", b"\x00" + virt)

# fw_cfg_file: big-endian count, then 64-byte entries {u32 size, u16 select, u16 0, name[56]}.
def entry(size, sel, name):
    return struct.pack(">IHH", size, sel, 0) + name.encode().ljust(56, b"\0")[:56]
names = [("etc/boot-fail-wait", 4), ("etc/acpi/tables", 0x20000), ("opt/rampart/vms.dtb", 417),
         ("opt/rampart/vm1-kernel", 0x1f6e200)]
put("fw_cfg_file", "qemu-dir", struct.pack(">I", len(names)) +
    b"".join(entry(s, 0x20 + i, n) for i, (n, s) in enumerate(names)))
put("fw_cfg_file", "count-huge", struct.pack(">I", 0xFFFFFFFF) + entry(1, 0x20, "etc/ramfb"))
put("fw_cfg_file", "name-unterminated", struct.pack(">I", 1) + struct.pack(">IHH", 9, 0x21, 0) + b"A" * 56)

# linux_layout: Image header, file size, initramfs size, RAM base, RAM size (u64 each).
h = rd(os.path.join(tmp, "image-header"))
isz = struct.unpack_from("<Q", h, 16)[0]
put("linux_layout", "debian-kernel", h + struct.pack("<4Q", isz - 0x100000, 0x1000000, 0x40000000, 0x80000000))
put("linux_layout", "initrd-too-big", h + struct.pack("<4Q", isz, 0x7F000000, 0x40000000, 0x80000000))
big = bytearray(h); struct.pack_into("<Q", big, 16, (1 << 64) - 0x40001000)
put("linux_layout", "image-size-near-top", bytes(big) + struct.pack("<4Q", 0x1000, 0, 0x40000000, 0x80000000))
put("linux_layout", "ram-at-top", h + struct.pack("<4Q", isz, 0x1000, (1 << 64) - 0x200000, 0x40000000))
PY
# p11_template: selector (class | key type index << 3), mode (0 import, 1 generate, 2 made from
# another key; 4 copy; 8 SO; 0x10 CKA_DERIVE_TEMPLATE, 0x20 CKA_WRAP_TEMPLATE applied, else
# CKA_UNWRAP_TEMPLATE), then two templates as libckteec serialises them (needs no build).
python3 - "$c/p11_template" <<'PY'
import os, struct, sys
d = sys.argv[1]
CLASS, TOKEN, PRIVATE, LABEL, VALUE, KEY_TYPE, ID = 0, 1, 2, 3, 0x11, 0x100, 0x102
SENSITIVE, ENCRYPT, DECRYPT, WRAP, UNWRAP, SIGN, VERIFY, DERIVE = 0x103, 0x104, 0x105, 0x106, 0x107, 0x108, 0x10a, 0x10c
MODULUS, MODULUS_BITS, PUB_EXP, PRIV_EXP, VALUE_LEN, EXTRACTABLE = 0x120, 0x121, 0x122, 0x123, 0x161, 0x162
CERT_TYPE, SUBJECT, EC_PARAMS, TRUSTED, COPYABLE = 0x80, 0x101, 0x180, 0x86, 0x171
WRAP_T, UNWRAP_T, DERIVE_T, ALLOWED = 0x40000211, 0x40000212, 0x40000213, 0x40000600
AES, RSA, EC = 0, 3, 4  # key type indexes in the fuzzer's table
DATA, CERT, PUB, PRIV, SEC = 0, 1, 2, 3, 4
def u32(v): return struct.pack("<I", v)
def b(v): return bytes([v])
def attr(i, v): return struct.pack("<II", i, len(v)) + v
def tmpl(*attrs, count=None):
    body = b"".join(attrs)
    return struct.pack("<II", len(body), len(attrs) if count is None else count) + body
def put(name, cls, kt, mode, t1, t2=b""):
    open(os.path.join(d, name), "wb").write(bytes([cls | kt << 3, mode]) + t1 + t2)
unwrap_t = tmpl(attr(CLASS, u32(4)), attr(KEY_TYPE, u32(0x1f)), attr(EXTRACTABLE, b(0)), attr(ENCRYPT, b(1)))
derive_t = tmpl(attr(SENSITIVE, b(1)), attr(VALUE_LEN, u32(16)), attr(LABEL, b"derived"))
put("data-object", DATA, 0, 0, tmpl(attr(CLASS, u32(0)), attr(LABEL, b"notes"), attr(VALUE, b"some data")),
    tmpl(attr(VALUE, b"changed"), attr(LABEL, b"")))
put("aes-generate", SEC, AES, 1, tmpl(attr(CLASS, u32(4)), attr(KEY_TYPE, u32(0x1f)), attr(VALUE_LEN, u32(32)),
    attr(ENCRYPT, b(1)), attr(DECRYPT, b(1)), attr(TOKEN, b(0)), attr(LABEL, b"aes"), attr(ALLOWED, u32(0x1082) + u32(0x1085))),
    tmpl(attr(LABEL, b"renamed"), attr(SENSITIVE, b(1)), attr(EXTRACTABLE, b(0))))
put("aes-unwrap-template", SEC, AES, 1 | 0x00, tmpl(attr(CLASS, u32(4)), attr(KEY_TYPE, u32(0x1f)), attr(VALUE_LEN, u32(16)),
    attr(UNWRAP, b(1)), attr(WRAP, b(1)), attr(UNWRAP_T, unwrap_t), attr(WRAP_T, tmpl(attr(EXTRACTABLE, b(1))))),
    tmpl(attr(VALUE_LEN, u32(16)), attr(LABEL, b"unwrapped")))
put("aes-derive-template", SEC, AES, 1 | 0x10, tmpl(attr(CLASS, u32(4)), attr(KEY_TYPE, u32(0x1f)), attr(DERIVE, b(1)),
    attr(DERIVE_T, derive_t)), tmpl(attr(CLASS, u32(4)), attr(KEY_TYPE, u32(0x1f))))
put("derive-template-conflict", SEC, AES, 1 | 0x10, tmpl(attr(CLASS, u32(4)), attr(DERIVE, b(1)), attr(DERIVE_T, derive_t)),
    tmpl(attr(SENSITIVE, b(0))))
put("derive-gains-encrypt", SEC, AES, 1, tmpl(attr(DERIVE, b(1))), tmpl(attr(ENCRYPT, b(1))))
# The caller's template is checked when the key is made, not by p11_template_with.
put("caller-bad-template", SEC, AES, 2, tmpl(attr(UNWRAP_T, unwrap_t)), tmpl(attr(UNWRAP_T, b"CN=x")))
put("sensitive-lowered", SEC, AES, 2, tmpl(attr(SENSITIVE, b(1))), tmpl(attr(LABEL, b"x"), attr(SENSITIVE, b(0))))
put("rsa-private-import", PRIV, RSA, 0, tmpl(attr(CLASS, u32(3)), attr(KEY_TYPE, u32(0)), attr(MODULUS, bytes(range(1, 65))),
    attr(PUB_EXP, b"\x01\x00\x01"), attr(PRIV_EXP, bytes(64)), attr(SIGN, b(1)), attr(UNWRAP_T, unwrap_t)),
    tmpl(attr(SIGN, b(0)), attr(ID, b"\x01\x02")))
put("rsa-public-copy", PUB, RSA, 1 | 4, tmpl(attr(CLASS, u32(2)), attr(KEY_TYPE, u32(0)), attr(MODULUS_BITS, u32(2048)),
    attr(VERIFY, b(1)), attr(WRAP, b(1)), attr(WRAP_T, tmpl(attr(CLASS, u32(4))))),
    tmpl(attr(TOKEN, b(1)), attr(TRUSTED, b(1))))
put("ec-public-so-trusted", PUB, EC, 1 | 8, tmpl(attr(EC_PARAMS, bytes.fromhex("06082a8648ce3d030107"))),
    tmpl(attr(TRUSTED, b(1))))
put("certificate", CERT, 0, 0, tmpl(attr(CLASS, u32(1)), attr(CERT_TYPE, u32(0)), attr(SUBJECT, b"CN=x"), attr(VALUE, bytes(40))),
    tmpl(attr(COPYABLE, b(0))))
# Refused: count not what the template holds, sizes past the end, a value or a template inside
# a stored template, an attribute twice, a CK_BBOOL of two bytes, a head cut short.
put("count-mismatch", SEC, AES, 0, tmpl(attr(LABEL, b"a"), attr(ID, b"b"), count=1))
put("size-past-end", SEC, AES, 0, struct.pack("<II", 12, 1) + struct.pack("<II", LABEL, 8) + b"abcd")
put("nested-value", SEC, AES, 1, tmpl(attr(UNWRAP_T, tmpl(attr(VALUE, bytes(16))))))
put("nested-nested", SEC, AES, 1, tmpl(attr(DERIVE_T, tmpl(attr(DERIVE_T, tmpl(attr(SENSITIVE, b(1))))))))
put("nested-short", SEC, AES, 1, tmpl(attr(UNWRAP_T, tmpl(attr(SENSITIVE, b(1)))[:-1])))
put("duplicate", DATA, 0, 0, tmpl(attr(LABEL, b"a"), attr(LABEL, b"b")))
put("bool-two-bytes", SEC, AES, 1, tmpl(attr(SENSITIVE, b"\x01\x00")))
put("head-cut-short", DATA, 0, 0, struct.pack("<II", 6, 1) + struct.pack("<IH", LABEL, 0))
put("value-len-on-import", SEC, AES, 0, tmpl(attr(VALUE, bytes(16)), attr(VALUE_LEN, u32(16))))
# Well formed, but past the token's limits: 65 attributes (at most 64).
put("65-attributes", DATA, 0, 0, tmpl(*[attr(0x80000000 + i, b"") for i in range(65)]))
# Near the token's limit (8192 bytes of attributes): the change does not fit.
put("label-near-limit", DATA, 0, 0, tmpl(attr(LABEL, b"L" * 7900)), tmpl(attr(LABEL, b"M" * 8150)))
PY
du -sh "$c"
