#!/usr/bin/env bash
# Boot the image tests/xtest/build.sh made on the firmware of VARIANT and report OP-TEE's xtest
# results per group: passed, failed, and the cases that never reported (xtest hung or died).
#   tests/xtest/run.sh BUILD_ROOT FIRMWARE [GROUPS]
# GROUPS: comma-separated case-ID prefixes, or pkcs11 for that whole suite (default
# 1,20,40,41,5,6,80,81,pkcs11). The table also goes to
# BUILD_ROOT/xtest/results.txt; the full console log to BUILD_ROOT/xtest/console.log.
set -euo pipefail

build=$(cd "$1" && pwd)
firmware=$2
groups=${3:-1,20,40,41,5,6,80,81,pkcs11}
out=$build/xtest
limit=${XTEST_TIMEOUT:-1800}
[[ -f $out/initramfs.cpio.gz ]] || { echo "xtest: $out/initramfs.cpio.gz missing (build first)" >&2; exit 1; }
[[ -f $firmware ]] || { echo "xtest: $firmware missing" >&2; exit 1; }

log=$out/console.log
rm -f "$log" "$out/secure.log"
ngroups=$(tr , '\n' <<<"$groups" | wc -l)
echo "xtest: booting (groups $groups, at most ${limit}s each; console: $log)"
timeout $((limit * ngroups + 300)) qemu-system-aarch64 -M virt,secure=on,virtualization=on,gic-version=3 \
	-cpu cortex-a57 -smp 4 -m 2048 -display none -monitor none \
	-serial "file:$log" -serial "file:$out/secure.log" -bios "$firmware" \
	-kernel "$build/linux/Image" -initrd "$out/initramfs.cpio.gz" \
	-append "console=ttyAMA0 quiet rampart.test=xtest rampart.xtest=$groups rampart.xtest_timeout=$limit" ||
	echo "xtest: QEMU ended with status $? (results so far below)"

# A case is the top-level "regression_NNNN OK|FAILED" (or pkcs11_NNNN) line of xtest's summary;
# one that began ("* regression_NNNN ...") and never reached a summary line is counted as lost.
python3 - "$log" <<'PY' | tee "$out/results.txt"
import re, sys
text = open(sys.argv[1], errors="replace").read()
started = re.findall(r"^\* ((?:regression|pkcs11)_\d+\w*) ", text, re.M)
results = dict(re.findall(r"^((?:regression|pkcs11)_\d+\w*) (OK|FAILED)", text, re.M))
def group(case):
    if case.startswith("pkcs11_"):
        return "pkcs11"
    n = int(re.match(r"regression_(\d+)", case).group(1))
    return n // 100 * 100 if n % 1000 >= 100 else n // 1000 * 1000
rows = {}
for case in dict.fromkeys(started + list(results)):
    r = rows.setdefault(group(case), {"OK": [], "FAILED": [], "lost": []})
    r[results.get(case, "lost")].append(case.split("_", 1)[1])
print(f"{'group':>6} {'passed':>7} {'failed':>7} {'lost':>5}  failed or lost cases")
tot = [0, 0, 0]
for g in sorted(rows, key=lambda g: (isinstance(g, str), str(g).zfill(6))):
    r = rows[g]
    tot = [tot[0] + len(r["OK"]), tot[1] + len(r["FAILED"]), tot[2] + len(r["lost"])]
    bad = " ".join(r["FAILED"] + [c + "(lost)" for c in r["lost"]])
    print(f"{g:>6} {len(r['OK']):>7} {len(r['FAILED']):>7} {len(r['lost']):>5}  {bad}")
print(f"{'all':>6} {tot[0]:>7} {tot[1]:>7} {tot[2]:>5}")
PY
