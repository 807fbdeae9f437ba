#!/usr/bin/env python3
"""Time from QEMU start to Linux's /init: our firmware against QEMU's direct kernel boot.

Both boot the same kernel and initramfs on the same machine model in one run, alternating, and
the medians are compared. The direct boot uses QEMU's built-in PSCI and no firmware at all, so
the difference is what our firmware costs. A last boot runs `tee-test --bench` in the guest for
the TEE's figures (invoke, open + close, first TA load), set against OP-TEE's.
"""
import os
import re
import statistics
import subprocess
import sys
import time

MARKER = b"rampart-init: /init reached"


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


# OP-TEE's figures on the same QEMU set-up (TF-A 2.14 + OP-TEE 4.10, TA trace off), as quoted
# in the trusted OS's acceptance criteria, and the targets relative to them.
OPTEE_INVOKE_US = (240.0, 320.0)
OPTEE_OPEN_CLOSE_MS = 50.0


OPTEE_TEE_BIN_BYTES = 500 * 1024


def tee_bench(cmd, tee_bin, limit=300.0):
    """One boot running tee-test --bench (tests/qemu/guest/tee-bench.sh); prints its figures."""
    print("TEE (one boot, tee-test --bench; see userspace/tee-test/bench.c):")
    if os.path.exists(tee_bin):
        size = os.path.getsize(tee_bin)
        print("  trusted OS image (tee.bin)  : %8d bytes  OP-TEE's tee.bin ~500 KB: ratio %.2f"
              % (size, size / OPTEE_TEE_BIN_BYTES))
    try:
        out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=limit).stdout
    except subprocess.TimeoutExpired:
        print("  not measured: no poweroff within %.0f s" % limit)
        return
    text = out.decode(errors="replace")
    figures = dict(re.findall(r"tee-bench: ([a-z0-9-]+) ([0-9.]+)", text))
    errors = re.findall(r"tee-bench: error (.*)", text)
    if errors or not {"invoke-us", "open-close-ms", "first-load-ms"} <= figures.keys():
        print("  not measured: %s" % (errors[0].strip() if errors else "no tee-bench figures"))
        return
    invoke = float(figures["invoke-us"])
    open_close = float(figures["open-close-ms"])
    print("  invoke, one value parameter : %8.1f us  OP-TEE %.0f-%.0f us: ratio %.2f-%.2f "
          "(target <= 0.5)" % (invoke, OPTEE_INVOKE_US[0], OPTEE_INVOKE_US[1],
                               invoke / OPTEE_INVOKE_US[1], invoke / OPTEE_INVOKE_US[0]))
    print("  open + close session        : %8.2f ms  OP-TEE ~%.0f ms: ratio %.3f (target <= 0.2)"
          % (open_close, OPTEE_OPEN_CLOSE_MS, open_close / OPTEE_OPEN_CLOSE_MS))
    print("  first load of a TA (open)   : %8.2f ms  (first OpenSession after boot, with close)"
          % float(figures["first-load-ms"]))
    if "invoke-pta-us" in figures:
        print("  invoke, statistics PTA      : %8.1f us  (the same path with no TA entry at S-EL0)"
              % float(figures["invoke-pta-us"]))
    if "invoke-fpu-us" in figures:
        print("  invoke, TA using FP/SIMD    : %8.1f us  (all V registers written: both worlds' "
              "FP state switched)" % float(figures["invoke-fpu-us"]))
    if "sha256-mibps" in figures:
        print("  SHA-256 in a TA, 1 MiB      : %8.1f MiB/s" % float(figures["sha256-mibps"]))
    if "aes128-cbc-mibps" in figures:
        print("  AES-128-CBC in a TA, 1 MiB  : %8.1f MiB/s" % float(figures["aes128-cbc-mibps"]))
    if "aes128-gcm-mibps" in figures:
        print("  AES-128-GCM in a TA, 1 MiB  : %8.1f MiB/s" % float(figures["aes128-gcm-mibps"]))
    if "rsa2048-sign-per-s" in figures:
        print("  RSA-2048 sign in a TA       : %8.1f /s (PKCS#1 v1.5, SHA-256)"
              % float(figures["rsa2048-sign-per-s"]))
    if "ecdsa-p256-sign-per-s" in figures:
        print("  ECDSA P-256 sign in a TA    : %8.1f /s" % float(figures["ecdsa-p256-sign-per-s"]))


def main():
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    variant = os.environ.get("VARIANT", "baremetal")
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    smp = os.environ.get("SMP", "4")
    build = os.path.join(top, "build")
    fw = os.path.join(build, variant, "firmware.bin")
    base = ["qemu-system-aarch64", "-M", "virt,secure=on,virtualization=on,gic-version=3",
            "-cpu", "cortex-a57", "-smp", smp, "-m", "2048", "-display", "none",
            "-monitor", "none", "-serial", "stdio",
            "-kernel", os.path.join(build, "linux", "Image"),
            "-initrd", os.path.join(build, "rootfs", "initramfs.cpio.gz"),
            "-append", "console=ttyAMA0 rampart.test=poweroff"]
    ours, direct, fw_us = [], [], []
    secure_log = os.path.join(build, "bench-secure.log")
    for _ in range(runs):
        ours.append(boot_time(base + ["-bios", fw, "-serial", "file:" + secure_log]))
        with open(secure_log, errors="replace") as f:
            m = re.search(r"EL2 (\d+) us after reset", f.read())
        if m:
            fw_us.append(int(m.group(1)))
        direct.append(boot_time(base))
    m_ours, m_direct = statistics.median(ours), statistics.median(direct)
    print("boot to /init (QEMU %s, -smp %s, %d runs each, median):" % (variant, smp, runs))
    print("  rampart firmware : %7.1f ms  (runs: %s)" % (m_ours * 1e3, " ".join("%.0f" % (t * 1e3) for t in ours)))
    print("  QEMU direct boot : %7.1f ms  (runs: %s)" % (m_direct * 1e3, " ".join("%.0f" % (t * 1e3) for t in direct)))
    print("  ratio            : %7.3f  (firmware adds %+.1f ms; target < 100 ms)"
          % (m_ours / m_direct, (m_ours - m_direct) * 1e3))
    if fw_us:
        print("  firmware itself  : %7.1f ms  from reset to Linux's first instruction (guest clock)"
              % (statistics.median(fw_us) / 1e3))
    print("image sizes:")
    # tee.bin is the trusted OS image (OP-TEE's tee.bin is about 500 KB for scale).
    for name in ("firmware.bin", "boot.bin", "monitor.bin", "tee.bin"):
        path = os.path.join(build, variant, name)
        print("  %-13s: %8d bytes" % (name, os.path.getsize(path)))
    mbedtls = os.path.join(build, variant, "mbedtls", "libmbedcrypto.a")
    if os.path.exists(mbedtls):
        # What of mbedTLS the trusted OS links in: its symbols' sizes in tee.elf.
        def symbols(path):
            out = subprocess.run(["aarch64-linux-gnu-nm", "-S", path],
                                 capture_output=True, text=True).stdout.splitlines()
            return [f for f in (line.split() for line in out) if len(f) == 4]
        names = {f[3] for f in symbols(mbedtls)}
        total = sum(int(f[1], 16) for f in symbols(os.path.join(build, variant, "tee.elf"))
                    if f[3] in names and f[2] in "tTrRdD")
        print("  %-13s: %8d bytes of mbedTLS code and constants linked into tee.elf" % ("mbedTLS", total))
    for elf in ("boot.elf", "monitor.elf", "tee.elf"):
        out = subprocess.run(["aarch64-linux-gnu-size", os.path.join(build, variant, elf)],
                             capture_output=True, text=True).stdout.splitlines()
        if len(out) == 2:
            text, data, bss = out[1].split()[:3]
            print("  %-13s: text %s, data %s, bss %s" % (elf, text, data, bss))
    tee_cmd = [a.replace("rampart.test=poweroff", "rampart.test=tee-bench") for a in base]
    # The TEE figures are taken as `make run` boots: with a disk for trusted storage, a fresh
    # one made as the build makes build/disk/tee-data.img (rootfs/mkdisk.sh).
    disk = os.path.join(build, "test-work", "disk", "bench.img")
    subprocess.run(["bash", os.path.join(top, "rootfs", "mkdisk.sh"), disk, "64", "rampart-tee"],
                   check=True)
    tee_cmd += ["-drive", "if=none,file=%s,format=raw,id=disk" % disk.replace(",", ",,"),
                "-device", "virtio-blk-device,drive=disk"]
    tee_bench(tee_cmd + ["-bios", fw, "-serial", "file:" + secure_log],
              os.path.join(build, variant, "tee.bin"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
