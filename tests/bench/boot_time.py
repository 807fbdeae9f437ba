#!/usr/bin/env python3
"""make bench: boot time, image sizes and the TEE's figures, side by side with TF-A + OP-TEE.

Boot time: QEMU start to Linux's /init with our firmware against QEMU's direct kernel boot (QEMU's
built-in PSCI, no firmware at all: the difference is what our firmware costs) and, given
REF_FIRMWARE, the reference firmware; same kernel and initramfs, same machine, alternating, medians.
TEE: one boot per side runs `tee-test --bench` (tests/qemu/guest/tee-bench.sh,
userspace/tee-test/bench.c) on the benchmark TA, built for each side from the same sources.

REF_FIRMWARE is a TF-A + OP-TEE flash image from tests/bench/build-reference.sh; REF_TA_DEV_KIT
OP-TEE's export-ta_arm64 (default: the one next to REF_FIRMWARE). docs/benchmarks.md.
"""
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pkcs11_bench  # noqa: E402
import reference  # noqa: E402
import tee_table  # noqa: E402
import timeline  # noqa: E402

MARKER = b"rampart-init: /init reached"
MACHINE = "virt,secure=on,virtualization=on,gic-version=3"


def boot_time(cmd, limit=120.0):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    seen = b""
    try:
        while True:
            chunk = proc.stdout.read1(4096)
            if not chunk:
                raise RuntimeError("QEMU exited before /init: " + seen[-400:].decode(errors="replace"))
            seen = (seen + chunk)[-8192:]
            if MARKER in seen:
                return time.monotonic() - start
            if time.monotonic() - start > limit:
                raise RuntimeError("no /init within %.0f s" % limit)
    finally:
        proc.kill()
        proc.wait()


def tee_bench(cmd, limit=600.0):
    """One boot running tee-test --bench; its tee-bench lines as a tee_table.Result."""
    try:
        out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=limit).stdout
    except subprocess.TimeoutExpired:
        return tee_table.Result(failure="no poweroff within %.0f s" % limit)
    return tee_table.Result(out.decode(errors="replace"))


def linked_bytes(elf, archives):
    """Bytes of code and constants in elf that come from the archives (symbol sizes)."""
    def symbols(path):
        out = subprocess.run(["aarch64-linux-gnu-nm", "-S", path],
                             capture_output=True, text=True).stdout.splitlines()
        return [f for f in (line.split() for line in out) if len(f) == 4]
    names = {f[3] for a in archives for f in symbols(a)}
    return sum(int(f[1], 16) for f in symbols(elf) if f[3] in names and f[2] in "tTrRdD")


def print_sizes(build, variant, ref_firmware):
    print("image sizes:")
    for name in ("firmware.bin", "boot.bin", "monitor.bin", "tee.bin"):
        path = os.path.join(build, variant, name)
        print("  %-13s: %8d bytes" % (name, os.path.getsize(path)))
    # The initramfs the boots above read (the base) and the tools archive make run adds to it
    # (docs/normal-world.md#the-tools-archive).
    for name, label in (("initramfs.cpio.gz", "initramfs"), ("tools.cpio.gz", "tools archive")):
        path = os.path.join(build, "rootfs", name)
        if os.path.exists(path):
            print("  %-13s: %8d bytes (build/rootfs/%s)" % (label, os.path.getsize(path), name))
    for elf in ("boot.elf", "monitor.elf", "tee.elf"):
        out = subprocess.run(["aarch64-linux-gnu-size", os.path.join(build, variant, elf)],
                             capture_output=True, text=True).stdout.splitlines()
        if len(out) == 2:
            text, data, bss = out[1].split()[:3]
            print("  %-13s: text %s, data %s, bss %s" % (elf, text, data, bss))
    print("trusted OS image and its crypto library:")
    tee_bin = os.path.join(build, variant, "tee.bin")
    mbedtls = os.path.join(build, variant, "mbedtls", "libmbedcrypto.a")
    size = os.path.getsize(tee_bin)
    line = "  Rampart       tee.bin %8d bytes" % size
    if os.path.exists(mbedtls):
        share = linked_bytes(os.path.join(build, variant, "tee.elf"), [mbedtls])
        line += "; mbedTLS %d bytes (%.0f%%)" % (share, 100.0 * share / size)
    print(line)
    sizes = reference.optee_sizes(ref_firmware) if ref_firmware else None
    if sizes:
        ref_bin, ref_elf, libs = sizes
        ref_size = os.path.getsize(ref_bin)
        share = linked_bytes(ref_elf, libs) if libs else 0
        print("  TF-A + OP-TEE tee.bin %8d bytes; LibTomCrypt + mbedTLS %d bytes (%.0f%%); "
              "ratio %.2f" % (ref_size, share, 100.0 * share / ref_size, size / ref_size))
    elif ref_firmware:
        print("  TF-A + OP-TEE: no optee/core/tee.bin next to REF_FIRMWARE: size not shown")


def print_timeline(build, variant, qemu, smp):
    """One more boot of our firmware, its phases from both consoles, drawn as an SVG."""
    timeline.report(qemu, 0, os.path.join(build, "bench", "boot-timeline-%s.svg" % variant),
                    "Rampart %s boot, QEMU virt cortex-a57 -smp %s" % (variant, smp),
                    "boot timeline", indent="")


def main():
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    variant = os.environ.get("VARIANT", "baremetal")
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    smp = os.environ.get("SMP", "4")
    build = os.path.join(top, "build")
    fw = os.path.join(build, variant, "firmware.bin")
    kernel = os.path.join(build, "linux", "Image")
    initrd = os.path.join(build, "rootfs", "initramfs.cpio.gz")
    common = ["qemu-system-aarch64", "-M", MACHINE, "-cpu", "cortex-a57", "-smp", smp,
              "-m", "2048", "-display", "none", "-monitor", "none", "-serial", "stdio"]

    def ours_cmd(append, secure_log, rd=initrd):
        return common + ["-serial", "file:" + secure_log, "-bios", fw, "-kernel", kernel,
                         "-initrd", rd, "-append", append]

    ref = None
    ref_fw = os.environ.get("REF_FIRMWARE", "")
    ref_log = os.path.join(build, "bench-ref", "secure.log")
    if ref_fw:
        kit = os.environ.get("REF_TA_DEV_KIT") or os.path.join(
            os.path.dirname(os.path.abspath(ref_fw)), "optee", "export-ta_arm64")
        try:
            ref = reference.Reference(top, os.path.abspath(ref_fw), kit,
                                      os.path.join(build, "bench-ref"), MACHINE)
            ref_initrd = ref.initramfs(initrd)
        except reference.ReferenceError as e:
            print("make bench: reference: %s" % e, file=sys.stderr)
            return 1

    def ref_cmd(append, rd):
        return common + ["-serial", "file:" + ref_log] + ref.qemu_args(kernel, rd, append)

    boot = "console=ttyAMA0 rampart.test=poweroff"
    secure_log = os.path.join(build, "bench-secure.log")
    times = {"ours": [], "direct": [], "ref": []}
    fw_us = []
    for _ in range(runs):
        times["ours"].append(boot_time(ours_cmd(boot, secure_log)))
        with open(secure_log, errors="replace") as f:
            m = re.search(r"EL2 (\d+) us after reset", f.read())
        if m:
            fw_us.append(int(m.group(1)))
        times["direct"].append(boot_time(common + ["-kernel", kernel, "-initrd", initrd,
                                                   "-append", boot]))
        if ref:
            times["ref"].append(boot_time(ref_cmd(boot, initrd)))
    med = {k: statistics.median(v) for k, v in times.items() if v}
    print("boot to /init (QEMU %s, cortex-a57, -smp %s, %d runs each, median):"
          % (variant, smp, runs))
    for key, label in (("ours", "rampart firmware"), ("direct", "QEMU direct boot"),
                       ("ref", "TF-A + OP-TEE")):
        if key in med:
            print("  %-17s: %7.1f ms  (runs: %s)" % (label, med[key] * 1e3,
                                                    " ".join("%.0f" % (t * 1e3) for t in times[key])))
    print("  ratio to direct  : %7.3f  (our firmware adds %+.1f ms; target < 100 ms)"
          % (med["ours"] / med["direct"], (med["ours"] - med["direct"]) * 1e3))
    if "ref" in med:
        print("  ratio to TF-A + OP-TEE: %.3f" % (med["ours"] / med["ref"]))
    if fw_us:
        print("  firmware itself  : %7.1f ms  from reset to Linux's first instruction (guest clock)"
              % (statistics.median(fw_us) / 1e3))
    print_timeline(build, variant, common[:-2] + ["-bios", fw, "-kernel", kernel, "-initrd", initrd,
                                                 "-append", boot], smp)
    print_sizes(build, variant, ref_fw)

    # BENCH_TEE_RUNS boots per side, alternating; each figure is the median over them.
    tee_runs = max(1, int(os.environ.get("BENCH_TEE_RUNS", "1")))
    print("TEE (tee-test --bench on the benchmark TA, %d boot(s) each%s; docs/benchmarks.md):"
          % (tee_runs, ", medians" if tee_runs > 1 else ""))
    bench = "console=ttyAMA0 rampart.test=tee-bench"
    ours_runs, ref_runs = [], []
    for _ in range(tee_runs):
        ours_runs.append(tee_bench(ours_cmd(bench, secure_log)))
        if ref:
            ref_runs.append(tee_bench(ref_cmd(bench, ref_initrd)))
    ours = tee_table.Result.combine(ours_runs)
    ref_res = tee_table.Result.combine(ref_runs) if ref else None
    missing = ("not run: make bench REF_FIRMWARE=<TF-A + OP-TEE flash image>, "
               "built by tests/bench/build-reference.sh (docs/benchmarks.md)")
    tee_table.print_table(ours, ref_res, missing)

    # The PKCS#11 token through pkcs11-tool (BENCH_PKCS11=0 skips it), with the initramfs that
    # carries the PKCS#11 clients (make bench builds it with the rest).
    if os.environ.get("BENCH_PKCS11", "1") != "0":
        rd = os.path.join(build, "rootfs", "initramfs-tools.cpio.gz")
        p11 = "console=ttyAMA0 rampart.test=pkcs11-bench"
        logs = os.path.join(build, "bench")
        os.makedirs(logs, exist_ok=True)
        ours_p11 = pkcs11_bench.run(ours_cmd(p11, secure_log, rd),
                                    os.path.join(logs, "pkcs11-rampart.log"))
        ref_p11 = None
        if ref and ref.pkcs11_ta():
            ref_rd = ref.initramfs(rd, "initramfs-pkcs11.cpio.gz", [ref.pkcs11_ta()])
            ref_p11 = pkcs11_bench.run(ref_cmd(p11, ref_rd),
                                       os.path.join(logs, "pkcs11-reference.log"))
        elif ref:
            missing = "not run: no optee/ta/pkcs11 TA next to REF_FIRMWARE"
        pkcs11_bench.print_table(ours_p11, ref_p11, missing)
    return 0


if __name__ == "__main__":
    sys.exit(main())
