#!/usr/bin/env python3
"""Boot timeline: one boot with both consoles read line by line, its phases, and an SVG picture.

Both of QEMU's serial ports are read as the lines arrive: the normal world's (firmware banner,
hypervisor, Linux, /init) on QEMU's stdout, the secure one (boot loader, monitor, trusted OS)
through a Unix socket QEMU waits on before it runs the machine. Every line is stamped with the
host time of its arrival, counted from the moment the machine starts.

Arrival is the time a line was printed for everything that writes to its UART at once: the
firmware, the hypervisor, user space, and Linux once its console driver is up. Linux's earlier
lines wait in its log buffer until then (no earlycon), so the kernel's phases are placed by its
own timestamps instead, anchored where arrival and timestamp agree: the "Run /init" line, which
comes after the console is up. The guest clock runs at host speed under TCG (the counter follows
QEMU's virtual clock), so the two clocks can be put on one axis. Before the kernel's clock starts
(its time_init), its timestamps read 0: that stretch is shown as "kernel before its clock".

As a script: python3 timeline.py out.svg title guests -- qemu args (without -serial) ..., for a one-off
picture of any boot; tests/bench/boot_time.py and virt_bench.py call record() and write().
"""
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

INIT_REACHED = "rampart-init: /init reached"
KERNEL_LINE = re.compile(r"^\[\s*(\d+\.\d+)\] (.*)$")

# Phase colours: one per kind, the same in every row.
COLOURS = {
    "machine": "#bdbdbd", "boot": "#1f77b4", "monitor": "#4e79a7", "tee": "#2ca02c",
    "handoff": "#98df8a", "hyp": "#9467bd", "prekernel": "#ffbb78", "early": "#ff7f0e",
    "initcalls": "#d62728", "init": "#8c564b",
}


class Boot:
    """The lines of one boot: [(seconds since the machine started, "nw" or "secure", text)]."""

    def __init__(self, lines, failure=None):
        self.lines = lines
        self.failure = failure

    def first(self, console, pattern, after=0.0):
        rx = re.compile(pattern)
        for t, c, text in self.lines:
            if c == console and t >= after and rx.search(text):
                return t, text
        return None


def record(qemu_args, done, limit=300.0):
    """Boot QEMU (its arguments without any -serial) until every string of done has appeared on
    the normal-world console, or limit seconds. Returns a Boot (failure set on a timeout or an
    early exit, with the lines seen so far)."""
    tmp = tempfile.mkdtemp(prefix="rampart-timeline-")
    path = os.path.join(tmp, "secure.sock")
    cmd = list(qemu_args) + ["-serial", "stdio", "-chardev",
                             "socket,id=secure,path=%s,server=on,wait=on" % path,
                             "-serial", "chardev:secure"]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    lines, partial, missing, failure = [], {"nw": b"", "secure": b""}, list(done), None
    try:
        deadline = time.monotonic() + 30
        while True:  # QEMU creates the socket, then waits for this connection to start
            try:
                sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    return Boot([], "QEMU did not open the secure console's socket")
                time.sleep(0.01)
        start = time.monotonic()
        fds = {proc.stdout.fileno(): "nw", sock.fileno(): "secure"}
        while missing:
            now = time.monotonic() - start
            if now > limit:
                failure = "not done within %.0f s: %s missing" % (limit, ", ".join(missing))
                break
            ready, _, _ = select.select(list(fds), [], [], 1.0)
            for fd in ready:
                chunk = os.read(fd, 65536)
                console = fds[fd]
                if not chunk:
                    failure = "QEMU closed its %s console" % console
                    missing = []
                    break
                t = time.monotonic() - start
                data = partial[console] + chunk
                *complete, partial[console] = data.split(b"\n")
                for raw in complete:
                    text = raw.decode(errors="replace").rstrip("\r")
                    lines.append((t, console, text))
                    if console == "nw":
                        missing = [m for m in missing if m not in text]
    finally:
        sock.close()
        proc.kill()
        proc.wait()
        try:
            os.unlink(path)
        except OSError:
            pass
        os.rmdir(tmp)
    return Boot(lines, failure)


def done_markers(guests):
    """What marks the end of a boot: /init reached on baremetal, or in each of guests VMs."""
    if not guests:
        return [INIT_REACHED]
    return ["[vm%d] %s" % (n, INIT_REACHED) for n in range(guests)]


def firmware_row(boot):
    """Reset to the normal world's first instruction, from the secure console."""
    marks = [("QEMU start and reset", "machine", r"^rampart-boot"),
             ("boot loader", "boot", r"^rampart-monitor"),
             ("monitor", "monitor", r"^rampart-tee"),
             ("trusted OS start", "tee", r"trusted OS initialised"),
             ("hand-off", "handoff", r"entering the normal world")]
    bars, start = [], 0.0
    for label, kind, end in marks:
        hit = boot.first("secure", end, start)
        if not hit:
            break
        bars.append((start, hit[0], label, kind))
        start = hit[0]
    return ("firmware", bars)


def hypervisor_row(boot, after):
    """From the hypervisor's banner to its last line before the first VM's kernel speaks."""
    begin = boot.first("nw", r"^\[hyp\] Rampart hypervisor", after)
    if not begin:
        return None
    end = begin[0]
    for t, c, text in boot.lines:
        if c != "nw" or t < begin[0]:
            continue
        if re.match(r"^\[vm\d+\] ", text):
            break
        if text.startswith("[hyp] "):
            end = t
    return ("hypervisor", [(begin[0], end, "hypervisor set-up", "hyp")])


def kernel_row(boot, name, prefix, entered):
    """Linux's phases for the console lines that start with prefix ("" or "[vmN] "), placed by
    its timestamps and anchored at its "Run /init" line; entered is when it was started."""
    stamped = []
    for t, c, text in boot.lines:
        if c != "nw" or not text.startswith(prefix):
            continue
        m = KERNEL_LINE.match(text[len(prefix):])
        if m:
            stamped.append((t, float(m.group(1)), m.group(2)))

    def stamp(pattern):
        rx = re.compile(pattern)
        return next(((t, ts) for t, ts, msg in stamped if rx.search(msg)), None)

    run_init = stamp(r"^Run /init as init process")
    reached = boot.first("nw", "^" + re.escape(prefix + INIT_REACHED))
    if not run_init or not reached:
        return None
    zero = run_init[0] - run_init[1]  # host time at which the kernel's clock read 0
    smp, freeing = stamp(r"^smp: Brought up"), stamp(r"^Freeing unused kernel memory")
    bars = []
    if entered is not None and zero > entered:
        bars.append((entered, zero, "kernel before its clock", "prekernel"))
    edges = [(zero, "early kernel: memory, CPUs", "early")]
    if smp:
        edges.append((zero + smp[1], "drivers, initramfs unpacking", "initcalls"))
    if freeing:
        edges.append((zero + freeing[1], "to /init", "init"))
    edges.append((reached[0], None, None))
    for (a, label, kind), (b, _, _) in zip(edges, edges[1:]):
        bars.append((a, b, label, kind))
    return (name, bars)


def rows(boot):
    """Every row the boot's console shows: firmware, hypervisor (virt), Linux or each VM."""
    fw = firmware_row(boot)
    out = [fw]
    handoff = fw[1][-1][1] if fw[1] else None
    hyp = hypervisor_row(boot, handoff or 0.0)
    if hyp:
        out.append(hyp)
        vms = sorted({m.group(1) for _, c, text in boot.lines if c == "nw"
                      for m in [re.match(r"^\[vm(\d+)\] ", text)] if m}, key=int)
        for n in vms:
            started = boot.first("nw", r"^\[hyp\] vm%s: \d+ vCPUs" % n)
            row = kernel_row(boot, "vm%s Linux" % n, "[vm%s] " % n,
                             started[0] if started else None)
            if row:
                out.append(row)
    else:
        row = kernel_row(boot, "Linux", "", handoff)
        if row:
            out.append(row)
    return out


def summary(boot_rows):
    """One line per row: its phases and their lengths."""
    out = []
    for name, bars in boot_rows:
        if bars:
            parts = ", ".join("%s %.2f s" % (label, b - a) for a, b, label, _ in bars)
            out.append("%-12s %6.2f -> %6.2f s: %s" % (name, bars[0][0], bars[-1][1], parts))
    return out


def _esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def svg(boot_rows, title):
    """The rows as an SVG picture: a time axis in seconds, one bar per phase."""
    label_w, width, row_h, top = 130, 1000, 30, 50
    end = max((b for _, bars in boot_rows for _, b, _, _ in bars), default=1.0)
    step = next(s for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60) if end / s <= 12)
    scale = (width - label_w - 20) / (step * (int(end / step) + 1))
    parts = ['<text x="10" y="22" font-size="15" font-weight="bold">%s</text>' % _esc(title)]
    t = 0.0
    while t <= end + step / 2:
        x = label_w + t * scale
        parts.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e0e0e0"/>'
                     % (x, top - 5, x, top + row_h * len(boot_rows)))
        parts.append('<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%g s</text>'
                     % (x, top + row_h * len(boot_rows) + 14, round(t, 3)))
        t += step
    for i, (name, bars) in enumerate(boot_rows):
        y = top + i * row_h
        parts.append('<text x="10" y="%d" font-size="12">%s</text>' % (y + 18, _esc(name)))
        for a, b, label, kind in bars:
            x, w = label_w + a * scale, max((b - a) * scale, 1.0)
            parts.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s">'
                         '<title>%s: %s %.3f s (%.3f to %.3f s)</title></rect>'
                         % (x, y + 4, w, row_h - 8, COLOURS.get(kind, "#777"), _esc(name),
                            _esc(label), b - a, a, b))
            text = "%s %.2f s" % (label, b - a)
            if w > 7 * len(text):
                parts.append('<text x="%.1f" y="%d" font-size="11" fill="white">%s</text>'
                             % (x + 4, y + 19, _esc(text)))
    # Legend: every phase kind once, in order of appearance.
    y = top + row_h * len(boot_rows) + 30
    x = 10
    seen = []
    for name, bars in boot_rows:
        for _, _, label, kind in bars:
            if kind in seen:
                continue
            seen.append(kind)
            item = 24 + 6 * len(label)
            if x + item > width:
                x, y = 10, y + 18
            parts.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                         '<text x="%d" y="%d" font-size="11">%s</text>'
                         % (x, y, COLOURS.get(kind, "#777"), x + 16, y + 10, _esc(label)))
            x += item
    height = y + 24
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
            'font-family="sans-serif">\n<rect width="100%%" height="100%%" fill="white"/>\n%s\n'
            '</svg>\n' % (width, height, "\n".join(parts)))


def write(boot, path, title):
    """Writes the picture of boot to path; returns its summary lines."""
    boot_rows = rows(boot)
    with open(path, "w") as f:
        f.write(svg(boot_rows, title))
    return summary(boot_rows)


def report(qemu, guests, path, title, heading, indent="  "):
    """Boots, draws the picture at path and prints heading and the phases (the benches' use)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    boot = record(qemu, done_markers(guests))
    lines = write(boot, path, "%s, %s" % (title, time.strftime("%Y-%m-%d")))
    print("%s (host time of each console line; %s):" % (heading, path))
    if boot.failure:
        print("%s  FAILED: %s" % (indent, boot.failure))
    for line in lines:
        print(indent + "  " + line)


def main(argv):
    if len(argv) < 5 or argv[4] != "--":
        print("usage: timeline.py out.svg title guests -- qemu-system-aarch64 args (no -serial)\n"
              "  guests: 0 for Linux on baremetal, else the number of VMs to wait for",
              file=sys.stderr)
        return 2
    out, title, guests, qemu = argv[1], argv[2], int(argv[3]), argv[5:]
    done = done_markers(guests)
    boot = record(qemu, done)
    if boot.failure:
        print("timeline: %s" % boot.failure, file=sys.stderr)
    for line in write(boot, out, title):
        print(line)
    return 1 if boot.failure else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
