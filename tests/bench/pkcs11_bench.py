#!/usr/bin/env python3
"""make bench: the PKCS#11 token timed as its users meet it, through whole pkcs11-tool runs.

One boot per side runs tests/qemu/guest/pkcs11-bench.sh: opensc's pkcs11-tool (Debian's, with
Debian's libckteec0 as the module) initialises the token, logs in, makes an EC P-256 and an
RSA-2048 key pair and signs with each five times. Every run is a whole process (library
start-up, session, login, the operation), as a user or a script runs it; the host stamps the
guest's "start"/"end" lines as they arrive and takes the difference. With REF_FIRMWARE the same
initramfs boots on TF-A + OP-TEE 3.19, whose pkcs11 TA is built into OP-TEE (an early TA).
"""
import re
import statistics
import subprocess
import threading
import time

# (key in the guest's lines, label, how many runs the figure is the median of)
FIGURES = (
    ("first-use", "first run after boot (C_InitToken: TA load)", 1),
    ("first-login", "first user login (pkcs11-tool --login)", 1),
    ("client-start", "client start-up only (pkcs11-tool --show-info)", 5),
    ("login", "login run (pkcs11-tool --login --list-objects)", 5),
    ("keygen-ec-p256", "key pair generation, EC P-256", 1),
    ("keygen-rsa-2048", "key pair generation, RSA-2048", 1),
    ("sign-ecdsa-p256", "signing run, ECDSA P-256 (CKM_ECDSA_SHA256)", 5),
    ("sign-rsa-2048", "signing run, RSA-2048 (CKM_SHA256_RSA_PKCS)", 5),
)
LINE = re.compile(r"rampart-p11bench: (start|end|failed:) ?(\S*)")


class Result:
    def __init__(self):
        self.times = {}  # figure key -> [seconds]
        self.failed = {}  # figure key -> the first failure line
        self.failure = None  # the whole boot's

    def median(self, key):
        t = self.times.get(key)
        return statistics.median(t) if t and key not in self.failed else None


def run(cmd, log, limit=900.0):
    """One boot with rampart.test=pkcs11-bench, its console kept in log; its figures as a Result."""
    res = Result()
    out = open(log, "w")
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    # A guest that stops printing would leave the read below waiting for ever: at the limit the
    # timer ends QEMU, and the read sees the end of its output.
    timer = threading.Timer(limit, proc.kill)
    timer.start()
    current, began = None, 0.0
    try:
        for raw in proc.stdout:
            now = time.monotonic()
            text = raw.decode(errors="replace").rstrip()
            out.write(text + "\n")
            if "rampart-p11bench: done" in text:
                break
            m = LINE.search(text)
            if not m:
                continue
            what, name = m.groups()
            if what == "start":
                current, began = name, now
            elif what == "end" and current == name:
                res.times.setdefault(name, []).append(now - began)
                current = None
            elif what == "failed:" and current:
                res.failed.setdefault(current, text.split("rampart-p11bench: ", 1)[1])
        else:
            res.failure = ("not done within %.0f s" % limit if not timer.is_alive()
                           else "QEMU ended before the benchmark was done")
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()
        out.close()
    if res.failure:
        res.failure += " (console: %s)" % log
    return res


def print_table(ours, ref, ref_missing):
    """Both sides' figures in milliseconds, and ours / reference (the target is 0.5)."""
    print("PKCS#11 token (whole pkcs11-tool runs, host time; one boot each; docs/pkcs11.md):")
    for side, res in (("Rampart", ours), ("TF-A + OP-TEE", ref)):
        if res and res.failure:
            print("  %s FAILED: %s" % (side, res.failure))
    print("  %-46s %10s %14s %7s" % ("", "Rampart", "TF-A + OP-TEE", "ratio"))
    for key, label, _ in FIGURES:
        cells = []
        for res in (ours, ref):
            if res is None:
                cells.append("-")
            elif key in res.failed:
                cells.append("failed")
            else:
                v = res.median(key)
                cells.append("%.0f ms" % (v * 1e3) if v is not None else "-")
        a = ours.median(key) if ours else None
        b = ref.median(key) if ref else None
        ratio = "%.2f" % (a / b) if a is not None and b else "-"
        print("  %-46s %10s %14s %7s" % (label, cells[0], cells[1], ratio))
    for side, res in (("Rampart", ours), ("TF-A + OP-TEE", ref)):
        for key, why in (res.failed.items() if res else ()):
            print("  %s %s: %s" % (side, key, why))
    if ref is None:
        print("  reference " + ref_missing)
    print("  (target: Rampart's signing runs and first login at most half the reference's)")
