#!/usr/bin/env bash
# Boot the image tests/examples/build.sh made on the firmware of VARIANT and report, for each of
# OP-TEE's examples, whether it built and whether its host program ran to a zero exit.
#   tests/examples/run.sh BUILD_ROOT FIRMWARE
# The table also goes to BUILD_ROOT/examples/results.txt, the console to .../console.log.
set -euo pipefail

build=$(cd "$1" && pwd)
firmware=$2
out=$build/examples
[[ -f $out/initramfs.cpio.gz ]] || { echo "examples: $out/initramfs.cpio.gz missing (build first)" >&2; exit 1; }
[[ -f $firmware ]] || { echo "examples: $firmware missing" >&2; exit 1; }

log=$out/console.log
rm -f "$log" "$out/secure.log"
echo "examples: booting (console: $log)"
timeout 3600 qemu-system-aarch64 -M virt,secure=on,virtualization=on,gic-version=3 \
	-cpu cortex-a57 -smp 4 -m 2048 -display none -monitor none \
	-serial "file:$log" -serial "file:$out/secure.log" -bios "$firmware" \
	-kernel "$build/linux/Image" -initrd "$out/initramfs.cpio.gz" \
	-append "console=ttyAMA0 quiet rampart.test=examples" ||
	echo "examples: QEMU ended with status $? (results so far below)"

python3 - "$out/build.txt" "$log" <<'PY' | tee "$out/results.txt"
import re, sys
built = dict(l.rstrip("\n").split(": ", 1) for l in open(sys.argv[1]) if ": " in l)
text = open(sys.argv[2], errors="replace").read()
ran = dict(re.findall(r"^example: (\S+) exit (\d+)", text, re.M))
began = re.findall(r"^example: (\S+) begin", text, re.M)
ok = 0
print(f"{'example':<16} {'built':<6} {'ran':<8} why not")
for name in sorted(built):
    status = built[name]
    if status != "ok":
        print(f"{name:<16} {'no':<6} {'-':<8} {status}")
        continue
    code = ran.get(name)
    res = "ok" if code == "0" else ("lost" if code is None else f"exit {code}")
    ok += res == "ok"
    why = "" if res == "ok" else ("began, never ended" if name in began else "")
    print(f"{name:<16} {'yes':<6} {res:<8} {why}")
print(f"examples: {ok} of {len(built)} built and ran")
PY
