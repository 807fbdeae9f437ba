#!/usr/bin/env python3
"""make bench VARIANT=virt: one VM under the Rampart hypervisor against the baremetal variant.

Same kernel, initramfs, vCPU/CPU count and RAM on both sides, one run each (QEMU TCG timings vary
from run to run by a few percent; BENCH_RUNS=n takes medians of n). Reports the host time from
QEMU start to /init, the guest workload time (tests/qemu/guest/workload.sh, measured by the guest's
own clock, which runs at real time in both cases), the wake-up latencies rampart-latency measures
(userspace/latency/latency.c: cross-CPU ping-pong, 1 ms timer overshoot, sleep 1), the ratios,
and the hypervisor's size.
"""
import os
import re
import statistics
import subprocess
import sys
import time

INIT = b"rampart-init: /init reached"
RESULT = re.compile(rb"rampart-bench: workload .* in ([0-9.]+) s")
DONE = b"rampart-bench: done"
LATENCY = re.compile(rb"rampart-latency: (\S+) median ([0-9]+) us p90 ([0-9]+) us max ([0-9]+) us")
SLEEP = re.compile(rb"rampart-latency: sleep-1s took ([0-9.]+) s")


def run(cmd, limit=600.0):
    """(seconds to /init, workload seconds, {latency name: (median, p90, max) us}) for one boot."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    seen, to_init = b"", None
    try:
        while True:
            chunk = proc.stdout.read1(4096)
            if not chunk:
                raise RuntimeError("QEMU exited early: " + seen[-400:].decode(errors="replace"))
            seen = (seen + chunk)[-16384:]
            if to_init is None and INIT in seen:
                to_init = time.monotonic() - start
            m = RESULT.search(seen)
            if m and DONE in seen:
                lat = {n.decode(): (int(a), int(b), int(c))
                       for n, a, b, c in LATENCY.findall(seen)}
                s = SLEEP.search(seen)
                if s:
                    lat["sleep-1s"] = (float(s.group(1)),) * 3
                return to_init, float(m.group(1)), lat
            if time.monotonic() - start > limit:
                raise RuntimeError("no workload result within %.0f s" % limit)
    finally:
        proc.kill()
        proc.wait()


def main():
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.join(top, "build")
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    cpus = os.environ.get("SMP", "2")
    mib = 1024
    args = "console=ttyAMA0 rampart.test=workload"
    base = ["qemu-system-aarch64", "-M", "virt,secure=on,virtualization=on,gic-version=3",
            "-cpu", "cortex-a57", "-smp", cpus, "-m", "2048", "-display", "none",
            "-monitor", "none", "-serial", "stdio", "-serial", "null",
            "-kernel", os.path.join(build, "linux", "Image"),
            "-initrd", os.path.join(build, "rootfs", "initramfs.cpio.gz")]
    os.makedirs(os.path.join(build, "bench"), exist_ok=True)
    dts = os.path.join(build, "bench", "one-vm.dts")
    dtb = os.path.join(build, "bench", "one-vm.dtb")
    with open(dts, "w") as f:
        f.write('/dts-v1/;\n/ { vm0 { vcpus = <%s>; memory-mib = <%d>; bootargs = "%s"; }; };\n'
                % (cpus, mib, args))
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", dtb, dts], check=True)
    bare_cmd = base + ["-bios", os.path.join(build, "baremetal", "firmware.bin"), "-m", str(mib),
                       "-append", args]
    virt_cmd = base + ["-bios", os.path.join(build, "virt", "firmware.bin"),
                       "-fw_cfg", "name=opt/rampart/vms.dtb,file=" + dtb]
    bare, virt = [], []
    for _ in range(runs):
        bare.append(run(bare_cmd))
        virt.append(run(virt_cmd))
    b_init = statistics.median(r[0] for r in bare)
    v_init = statistics.median(r[0] for r in virt)
    b_work = statistics.median(r[1] for r in bare)
    v_work = statistics.median(r[1] for r in virt)
    print("one VM (%s vCPUs, %d MiB) under the hypervisor against baremetal (%s CPUs), %d run(s):"
          % (cpus, mib, cpus, runs))
    print("  QEMU start to /init : baremetal %6.2f s, VM %6.2f s, ratio %.3f"
          % (b_init, v_init, v_init / b_init))
    print("  guest workload      : baremetal %6.2f s, VM %6.2f s, ratio %.3f (target <= 1.05)"
          % (b_work, v_work, v_work / b_work))
    for name, what in (("pingpong", "cross-CPU ping-pong round trip"),
                       ("timer-1ms-overshoot", "1 ms sleep, late by")):
        if not all(name in r[2] for r in bare + virt):
            print("  %-20s: missing (rampart-latency failed; see the console)" % name)
            continue
        b = [statistics.median(r[2][name][k] for r in bare) for k in range(3)]
        v = [statistics.median(r[2][name][k] for r in virt) for k in range(3)]
        print("  %s:" % what)
        print("    median / p90 / max : baremetal %d / %d / %d us, VM %d / %d / %d us, median "
              "ratio %.2f" % (b[0], b[1], b[2], v[0], v[1], v[2], v[0] / max(b[0], 1)))
    if all("sleep-1s" in r[2] for r in bare + virt):
        print("  sleep 1 by the guest's clock: baremetal %.3f s, VM %.3f s"
              % (statistics.median(r[2]["sleep-1s"][0] for r in bare),
                 statistics.median(r[2]["sleep-1s"][0] for r in virt)))
    elf = os.path.join(build, "virt", "hyp.elf")
    out = subprocess.run(["aarch64-linux-gnu-size", elf], capture_output=True,
                         text=True).stdout.splitlines()
    if len(out) == 2:
        text, data, bss = out[1].split()[:3]
        print("  hypervisor image    : %d bytes (text %s, data %s, bss %s)"
              % (os.path.getsize(os.path.join(build, "virt", "hyp.bin")), text, data, bss))
    lines = subprocess.run("cat %s/hyp/*.c %s/hyp/*.h %s/hyp/*.S | wc -l" % (top, top, top),
                           shell=True, capture_output=True, text=True).stdout.strip()
    print("  hypervisor source   : %s lines of C, headers and assembly in hyp/" % lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
