#!/usr/bin/env python3
"""make bench VARIANT=virt: one VM under the Rampart hypervisor against baremetal and against Xen.

Same kernel, initramfs, bootargs, vCPU/CPU count and RAM on every side, one run each (QEMU TCG
timings vary from run to run by a few percent; BENCH_RUNS=n takes medians of n). Reports the host
time from QEMU start to /init, the guest workload time (tests/qemu/guest/workload.sh, measured by
the guest's own clock, which runs at real time in every case), the wake-up latencies
rampart-latency measures (userspace/latency/latency.c: cross-CPU ping-pong, 1 ms timer overshoot,
sleep 1), the ratios, and the hypervisors' sizes.

The reference is Debian's Xen 4.17 (xen-hypervisor-4.17-arm64, unpacked by mk/setup.sh) in
dom0less mode: no dom0, one domU built by Xen at boot from /chosen nodes of the device tree
(Xen's docs/misc/arm/device-tree/booting.txt, "Creating Multiple Domains directly from Xen"), its
console Xen's emulated PL011 (vpl011), whose lines Xen prints on its own console as
"(XEN) DOM<n>: ...". Xen runs on the baremetal variant's firmware (same EL3 monitor and trusted OS
as the other two sides), loaded as the kernel; the device tree is QEMU's own, dumped for the same machine, with the domU nodes added, and the
domU's kernel and initramfs are put in RAM by QEMU's generic loader. BENCH_XEN_ARGS adds Xen
command-line options (e.g. "sched=null vwfi=native"); XEN_IMAGE boots another Xen image.

A second configuration boots two VMs of 2 vCPUs and 512 MiB on 4 CPUs, Rampart against Xen (two
domUs): the time from QEMU start until both guests reached /init. BENCH_TWO=0 skips it.
Console logs of every boot are kept in build/bench/virt-*.log. One more boot of the board's default
configuration (two VMs) is drawn as build/bench/boot-timeline-virt.svg (timeline.py).
"""
import os
import re
import select
import shlex
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import timeline  # noqa: E402

INIT = re.compile(rb"([^\n]*)rampart-init: /init reached")
RESULT = re.compile(rb"rampart-bench: workload .* in ([0-9.]+) s")
DONE = b"rampart-bench: done"
LATENCY = re.compile(rb"rampart-latency: (\S+) median ([0-9]+) us p90 ([0-9]+) us max ([0-9]+) us")
SLEEP = re.compile(rb"rampart-latency: sleep-1s took ([0-9.]+) s")
# The last line of Xen's panic() (xen/drivers/char/console.c), fatal traps included, and the
# reason it printed under "Panic on CPU n:".
XEN_FATAL = re.compile(rb"\(XEN\) (Reboot in five seconds|Manual reset required)")
XEN_PANIC = re.compile(rb"\(XEN\) Panic on CPU \d+:\r?\n\(XEN\) ([^\r\n]*)")
MACHINE = "virt,secure=on,virtualization=on,gic-version=3"
XEN_PKG = "xen-hypervisor-4.17-arm64"
# Xen's banner comes within seconds of QEMU start; without it Xen's console is not the one read.
XEN_FIRST = (b"(XEN) Xen version", 120.0, "Xen banner on the console")


def last_lines(seen):
    """The end of a console, on one line, for a failure message."""
    tail = bytes(seen[-300:]).decode(errors="replace").replace("\r", "").strip().splitlines()
    return " | ".join(tail[-3:]) or "(no output)"


def run(cmd, log, guests=1, workload=True, limit=600.0, first=None):
    """Boot cmd, console to log. Returns (seconds until `guests` distinct consoles reached /init,
    workload seconds, {latency name: (median, p90, max) us}); without workload, stops at /init.
    first = (bytes, seconds, what): fail early when bytes has not shown up within seconds."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    seen, to_init, owners = bytearray(), None, set()
    try:
        with open(log, "wb", buffering=0) as out:
            while True:
                # Wait a second at most: a silent console must still reach the checks below.
                ready, _, _ = select.select([proc.stdout], [], [], 1.0)
                chunk = os.read(proc.stdout.fileno(), 65536) if ready else None
                if chunk == b"":
                    raise RuntimeError("QEMU exited early: " + last_lines(seen))
                if chunk:
                    out.write(chunk)
                    seen += chunk
                if to_init is None:
                    # A VM's console lines start with its owner's tag ("[vm1] ", "(XEN) DOM2: ").
                    owners.update(m.group(1) for m in INIT.finditer(seen))
                    if len(owners) >= guests:
                        to_init = time.monotonic() - start
                        if not workload:
                            return to_init, None, {}
                if XEN_FATAL.search(seen):
                    why = XEN_PANIC.search(seen)
                    raise RuntimeError("Xen panicked: %s" % (
                        why.group(1).decode(errors="replace") if why else last_lines(seen)))
                if first and first[0] not in seen and time.monotonic() - start > first[1]:
                    raise RuntimeError("no %s within %.0f s: %s"
                                       % (first[2], first[1], last_lines(seen)))
                m = RESULT.search(seen)
                if m and DONE in seen and to_init is not None:
                    lat = {n.decode(): (int(a), int(b), int(c))
                           for n, a, b, c in LATENCY.findall(seen)}
                    s = SLEEP.search(seen)
                    if s:
                        lat["sleep-1s"] = (float(s.group(1)),) * 3
                    return to_init, float(m.group(1)), lat
                if time.monotonic() - start > limit:
                    raise RuntimeError("no %s within %.0f s: %s" % (
                        "workload result" if to_init is not None else "/init", limit,
                        last_lines(seen)))
    finally:
        proc.kill()
        proc.wait()


def rampart_config(path, vms):
    """The hypervisor's VM configuration blob (docs/hypervisor.md): vms = [(vcpus, mib, args)]."""
    with open(path + ".dts", "w") as f:
        f.write("/dts-v1/;\n/ {\n")
        for i, (vcpus, mib, args) in enumerate(vms):
            f.write('\tvm%d { vcpus = <%d>; memory-mib = <%d>; bootargs = "%s"; };\n'
                    % (i, vcpus, mib, args))
        f.write("};\n")
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", path, path + ".dts"], check=True)


def xen_boot(qemu_args, path, domus, kernel, initrd, extra_args):
    """Xen's device tree and QEMU arguments for a dom0less boot of domus = [(vcpus, mib, args)].

    The tree is the one QEMU generates for this very machine (-machine dumpdtb=), with Xen's
    command line and one "xen,domain" node per domU under /chosen, each naming the kernel and
    initramfs modules ("multiboot,kernel", "multiboot,ramdisk") by their load address (Xen 4.17
    docs/misc/arm/device-tree/booting.txt, "Creating Multiple Domains directly from Xen").
    Every domU shares one copy of each module: Xen copies them into each domain's RAM.
    """
    subprocess.run(qemu_args[:2] + [MACHINE + ",dumpdtb=" + path + ".qemu"] + qemu_args[3:],
                   check=True, capture_output=True)
    base = subprocess.run(["dtc", "-q", "-I", "dtb", "-O", "dts", path + ".qemu"], check=True,
                          capture_output=True, text=True).stdout
    # The normal world's /chosen, not /secure-chosen (the secure UART goes to -serial null).
    stdout = re.search(r'\n\tchosen \{[^}]*stdout-path = "([^"]+)"', base)
    console = "console=dtuart dtuart=%s" % (stdout.group(1) if stdout else "serial0")
    # Clear of where the firmware puts Xen and its device tree (the first MiBs of RAM).
    k_addr = 0x50000000
    i_addr = k_addr + ((os.path.getsize(kernel) + 0x1fffff) & ~0x1fffff)
    nodes = []
    for n, (vcpus, mib, args) in enumerate(domus, 1):
        nodes.append("""
		domU%d {
			compatible = "xen,domain";
			#address-cells = <2>;
			#size-cells = <2>;
			memory = <0 %d>;
			cpus = <%d>;
			vpl011;
			module@%x {
				compatible = "multiboot,kernel", "multiboot,module";
				reg = <0 0x%x 0 0x%x>;
				bootargs = "%s";
			};
			module@%x {
				compatible = "multiboot,ramdisk", "multiboot,module";
				reg = <0 0x%x 0 0x%x>;
			};
		};""" % (n, mib * 1024, vcpus, k_addr, k_addr, os.path.getsize(kernel), args,
                 i_addr, i_addr, os.path.getsize(initrd)))
    with open(path + ".dts", "w") as f:
        f.write(base)
        f.write('/ {\n\tchosen {\n\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n'
                '\t\txen,xen-bootargs = "%s";%s\n\t};\n};\n'
                % (" ".join([console] + extra_args), "".join(nodes)))
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", path, path + ".dts"], check=True)
    return ["-dtb", path,
            "-device", "loader,file=%s,addr=0x%x,force-raw=on" % (kernel, k_addr),
            "-device", "loader,file=%s,addr=0x%x,force-raw=on" % (initrd, i_addr)]


def attempt(results, failures, side, *args, **kw):
    """run() whose failure is recorded for side instead of ending the bench."""
    try:
        results.append(run(*args, **kw))
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        failures.setdefault(side, "%s (console in build/bench/%s)"
                            % (e, os.path.basename(args[1])))


def med(results, i):
    return statistics.median(r[i] for r in results) if results else None


def fmt(v, unit=" s", width=6, prec=2):
    return "%*s" % (width + len(unit), "-") if v is None else "%*.*f%s" % (width, prec, v, unit)


def ratio(a, b, prec=3):
    return "-" if a is None or b is None or not b else "%.*f" % (prec, a / b)


def main():
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.join(top, "build")
    bench = os.path.join(build, "bench")
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    cpus = int(os.environ.get("SMP", "2"))
    load_start = os.getloadavg()[0]
    xen_args = shlex.split(os.environ.get("BENCH_XEN_ARGS", ""))
    mib = 1024
    args = "console=ttyAMA0 rampart.test=workload"
    kernel = os.path.join(build, "linux", "Image")
    initrd = os.path.join(build, "rootfs", "initramfs.cpio.gz")
    xen = (os.environ.get("XEN_IMAGE")
           or os.path.join(build, "pkg", "xen", "boot", "xen-4.17-arm64"))
    bare_fw = os.path.join(build, "baremetal", "firmware.bin")
    virt_fw = os.path.join(build, "virt", "firmware.bin")

    def machine(smp, mem):
        return ["qemu-system-aarch64", "-M", MACHINE, "-cpu", "cortex-a57", "-smp", str(smp),
                "-m", str(mem), "-display", "none", "-monitor", "none", "-serial", "stdio",
                "-serial", "null"]

    os.makedirs(bench, exist_ok=True)
    failures = {}
    one_vm = os.path.join(bench, "one-vm.dtb")
    rampart_config(one_vm, [(cpus, mib, args)])
    bare_cmd = machine(cpus, mib) + ["-bios", bare_fw, "-kernel", kernel, "-initrd", initrd,
                                     "-append", args]
    virt_cmd = machine(cpus, 2048) + ["-bios", virt_fw, "-kernel", kernel, "-initrd", initrd,
                                      "-fw_cfg", "name=opt/rampart/vms.dtb,file=" + one_vm]
    xen_cmd = None
    if not os.path.isfile(xen):
        failures["Xen"] = "%s missing (make setup installs %s)" % (xen, XEN_PKG)
    else:
        xen_cmd = machine(cpus, 2048) + ["-bios", bare_fw, "-kernel", xen]
        try:
            xen_cmd += xen_boot(xen_cmd, os.path.join(bench, "xen-one.dtb"),
                                [(cpus, mib, args)], kernel, initrd, xen_args)
        except (OSError, subprocess.CalledProcessError) as e:
            failures["Xen"] = "no device tree for Xen: %s" % e
            xen_cmd = None
    bare, virt, xenr = [], [], []
    for i in range(runs):
        attempt(bare, failures, "baremetal", bare_cmd, os.path.join(bench, "virt-bare.log"))
        attempt(virt, failures, "Rampart", virt_cmd, os.path.join(bench, "virt-rampart.log"))
        if xen_cmd:
            attempt(xenr, failures, "Xen", xen_cmd, os.path.join(bench, "virt-xen.log"),
                    first=XEN_FIRST)

    print("one VM (%d vCPUs, %d MiB) under Rampart's hypervisor and as a Xen 4.17 dom0less domU, "
          "against baremetal (%d CPUs), %d run(s)%s:"
          % (cpus, mib, cpus, runs, " (Xen options: %s)" % " ".join(xen_args) if xen_args else ""))
    # The wake-up latencies are as much the host's scheduler as the stacks': with the host's
    # cores busy, every side's ping-pong takes milliseconds (docs/hypervisor.md).
    print("  host load average   : %.1f at the start, %.1f now (%d host CPUs)"
          % (load_start, os.getloadavg()[0], os.cpu_count() or 0))
    for side, why in failures.items():
        print("  %s FAILED: %s" % (side, why))
    rows = (("QEMU start to /init", 0, ""), ("guest workload", 1, " (Rampart target <= 1.05)"))
    for what, i, note in rows:
        b, v, x = med(bare, i), med(virt, i), med(xenr, i)
        print("  %-20s: baremetal %s, Rampart %s, Xen %s; ratio to baremetal Rampart %s, Xen %s%s"
              % (what, fmt(b), fmt(v), fmt(x), ratio(v, b), ratio(x, b), note))
        if runs > 1:  # each run too, so that a bimodal figure shows
            print("  %-20s  runs: %s" % ("", "; ".join(
                "%s %s" % (label, " ".join("%.2f" % r[i] for r in rs))
                for label, rs in (("baremetal", bare), ("Rampart", virt), ("Xen", xenr)) if rs)))
    for name, what in (("pingpong", "cross-CPU ping-pong round trip"),
                       ("timer-1ms-overshoot", "1 ms sleep, late by")):
        sides = [(label, rs) for label, rs in (("baremetal", bare), ("Rampart", virt),
                                                ("Xen", xenr)) if rs]
        print("  %s (median / p90 / max):" % what)
        base = None
        for label, rs in sides:
            if not all(name in r[2] for r in rs):
                print("    %-9s : missing (rampart-latency failed; see the console)" % label)
                continue
            m = [statistics.median(r[2][name][k] for r in rs) for k in range(3)]
            if label == "baremetal":
                base = m[0]
            print("    %-9s : %d / %d / %d us%s" % (
                label, m[0], m[1], m[2], "" if label == "baremetal" or base is None else
                ", median ratio to baremetal %.2f" % (m[0] / max(base, 1))))
    sleeps = ["%s %.3f s" % (label, statistics.median(r[2]["sleep-1s"][0] for r in rs))
              for label, rs in (("baremetal", bare), ("Rampart", virt), ("Xen", xenr))
              if rs and all("sleep-1s" in r[2] for r in rs)]
    if sleeps:
        print("  sleep 1 by the guest's clock: " + ", ".join(sleeps))

    boot_timeline(bench, machine(4, 2048)[:-4] + ["-bios", virt_fw, "-kernel", kernel,
                                                   "-initrd", initrd])
    if os.environ.get("BENCH_TWO", "1") != "0":
        two(bench, machine, kernel, initrd, virt_fw, bare_fw, xen, xen_args, runs)
    if os.environ.get("BENCH_TEE", "1") != "0":
        tee_from_a_vm(bench, machine, kernel, initrd, virt_fw, bare_fw, cpus, runs)

    elf = os.path.join(build, "virt", "hyp.elf")
    out = subprocess.run(["aarch64-linux-gnu-size", elf], capture_output=True,
                         text=True).stdout.splitlines()
    if len(out) == 2:
        text, data, bss = out[1].split()[:3]
        print("  hypervisor image    : %d bytes (text %s, data %s, bss %s)"
              % (os.path.getsize(os.path.join(build, "virt", "hyp.bin")), text, data, bss))
    if os.path.isfile(xen):
        print("  Xen image           : %d bytes (%s)" % (os.path.getsize(xen), xen))
    lines = subprocess.run("cat %s/hyp/*.c %s/hyp/*.h %s/hyp/*.S | wc -l" % (top, top, top),
                           shell=True, capture_output=True, text=True).stdout.strip()
    print("  hypervisor source   : %s lines of C, headers and assembly in hyp/" % lines)
    return 0


def boot_timeline(bench, qemu):
    """The board's default configuration (the two VMs of `make run VARIANT=virt`) booted once more,
    its phases from both consoles drawn as build/bench/boot-timeline-virt.svg (timeline.py)."""
    timeline.report(qemu, 2, os.path.join(bench, "boot-timeline-virt.svg"),
                    "Rampart virt boot, two VMs (the default configuration), "
                    "QEMU virt cortex-a57 -smp 4", "  boot timeline of the default two VMs")


def tee_from_a_vm(bench, machine, kernel, initrd, virt_fw, bare_fw, cpus, runs):
    """tee-test --bench (tests/qemu/guest/tee-bench.sh) in one VM under Rampart's hypervisor,
    whose calls the hypervisor forwards to the trusted OS (docs/hypervisor.md), against the same
    on baremetal: same kernel, initramfs, CPUs and RAM. BENCH_TEE=0 skips it."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import tee_table  # noqa: E402

    args = "console=ttyAMA0 rampart.test=tee-bench"
    cfg = os.path.join(bench, "tee-vm.dtb")
    rampart_config(cfg, [(cpus, 1024, args)])
    bare_cmd = machine(cpus, 1024) + ["-bios", bare_fw, "-kernel", kernel, "-initrd", initrd,
                                      "-append", args]
    virt_cmd = machine(cpus, 2048) + ["-bios", virt_fw, "-kernel", kernel, "-initrd", initrd,
                                      "-fw_cfg", "name=opt/rampart/vms.dtb,file=" + cfg]

    def one(cmd, log):
        try:
            out = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=900).stdout
        except subprocess.TimeoutExpired:
            return tee_table.Result(failure="no poweroff within 900 s")
        with open(log, "wb") as f:
            f.write(out)
        return tee_table.Result(out.decode(errors="replace"))

    bare_runs, vm_runs = [], []
    for _ in range(runs):
        bare_runs.append(one(bare_cmd, os.path.join(bench, "tee-bare.log")))
        vm_runs.append(one(virt_cmd, os.path.join(bench, "tee-vm.log")))
    print("TEE from one VM (%d vCPUs) against baremetal (%d CPUs), tee-test --bench, %d run(s):"
          % (cpus, cpus, runs))
    tee_rows(tee_table.Result.combine(bare_runs), tee_table.Result.combine(vm_runs))
    if os.environ.get("BENCH_TEE_ICOUNT", "1") == "0":
        return
    # Wall clock on a loaded host does not resolve a difference of 30 %: the same boots with
    # QEMU counting instructions (guest time = 2 ns an instruction) do, and repeat exactly.
    icount = ["-icount", "shift=1,sleep=off"]
    bare = one(bare_cmd + icount, os.path.join(bench, "tee-bare-icount.log"))
    vm = one(virt_cmd + icount, os.path.join(bench, "tee-vm-icount.log"))
    print("The same by instruction count (-icount shift=1,sleep=off, one boot each), guest time:")
    tee_rows(bare, vm)


def tee_rows(bare, vm):
    """The rows of tee_from_a_vm's table: baremetal and VM figures and their ratio."""
    for side, r in (("baremetal", bare), ("VM", vm)):
        if r.failure or r.errors:
            print("  %s FAILED: %s" % (side, r.failure or "; ".join(r.errors)))
    for key, label, target in (("invoke-us", "invoke, one value parameter", 1.3),
                               ("open-close-ms", "open + close session", None),
                               ("invoke-pta-us", "invoke, statistics PTA", None),
                               ("store-write-ms", "storage: create + write 4 KiB", None)):
        b, v = bare.figures.get(key), vm.figures.get(key)
        unit = key.rsplit("-", 1)[1]
        print("  %-30s: baremetal %s %s, VM %s %s; ratio %s%s"
              % (label, "-" if b is None else "%.1f" % b, unit, "-" if v is None else "%.1f" % v,
                 unit, ratio(v, b) if b and v else "-",
                 " (target <= %.1f)" % target if target else ""))


def two(bench, machine, kernel, initrd, virt_fw, bare_fw, xen, xen_args, runs):
    """Two VMs of 2 vCPUs and 512 MiB on 4 CPUs: QEMU start until both reached /init. The guests
    stop at a shell (no test), so the first one up does not load the CPUs the second boots on."""
    vms = [(2, 512, "console=ttyAMA0")] * 2
    failures = {}
    cfg = os.path.join(bench, "two-vm.dtb")
    rampart_config(cfg, vms)
    virt_cmd = machine(4, 2048) + ["-bios", virt_fw, "-kernel", kernel, "-initrd", initrd,
                                   "-fw_cfg", "name=opt/rampart/vms.dtb,file=" + cfg]
    xen_cmd = None
    if os.path.isfile(xen):
        xen_cmd = machine(4, 2048) + ["-bios", bare_fw, "-kernel", xen]
        try:
            xen_cmd += xen_boot(xen_cmd, os.path.join(bench, "xen-two.dtb"), vms, kernel,
                                initrd, xen_args)
        except (OSError, subprocess.CalledProcessError) as e:
            failures["Xen"] = "no device tree for Xen: %s" % e
            xen_cmd = None
    else:
        failures["Xen"] = "%s missing (make setup installs %s)" % (xen, XEN_PKG)
    virt, xenr = [], []
    for _ in range(runs):
        attempt(virt, failures, "Rampart", virt_cmd, os.path.join(bench, "virt-rampart-two.log"),
                guests=2, workload=False)
        if xen_cmd:
            attempt(xenr, failures, "Xen", xen_cmd, os.path.join(bench, "virt-xen-two.log"),
                    guests=2, workload=False, first=XEN_FIRST)
    print("two VMs (2 vCPUs, 512 MiB each) on 4 CPUs, Rampart's hypervisor against Xen 4.17 "
          "dom0less (two domUs), %d run(s)%s:"
          % (runs, " (Xen options: %s)" % " ".join(xen_args) if xen_args else ""))
    for side, why in failures.items():
        print("  %s FAILED: %s" % (side, why))
    v, x = med(virt, 0), med(xenr, 0)
    print("  QEMU start until both reached /init: Rampart %s, Xen %s; ratio Xen/Rampart %s"
          % (fmt(v), fmt(x), ratio(x, v)))


if __name__ == "__main__":
    sys.exit(main())
