"""The TEE figures of `tee-test --bench` (userspace/tee-test/bench.c): parsing and the table.

Each figure: ours, the reference's (TF-A + OP-TEE, when REF_FIRMWARE is given), their ratio
(ours / reference) and the target for that ratio. Outputs the guest printed as "check" lines are
compared with what the host computes, so a fast but wrong figure does not pass unnoticed.
"""
import hashlib
import re
import statistics

# name, label, unit, better ("low": a time, "high": a rate), target ratio (ours / reference)
FIGURES = [
    ("invoke-us", "invoke, one value parameter", "us", "low", 0.5),
    ("open-close-ms", "open + close session", "ms", "low", 0.2),
    ("first-load-ms", "first load of a TA (open+close)", "ms", "low", None),
    ("invoke-pta-us", "invoke, statistics PTA (Rampart)", "us", "low", None),
    ("invoke-fpu-us", "invoke, TA using FP/SIMD (Rampart)", "us", "low", None),
    ("sha256-mibps", "SHA-256, 1 MiB", "MiB/s", "high", 1.0),
    ("aes128-cbc-mibps", "AES-128-CBC, 1 MiB", "MiB/s", "high", 1.0),
    ("aes128-gcm-mibps", "AES-128-GCM, 1 MiB", "MiB/s", "high", 1.0),
    ("rsa2048-sign-per-s", "RSA-2048 sign (PKCS#1 v1.5)", "/s", "high", 1.0),
    ("ecdsa-p256-sign-per-s", "ECDSA P-256 sign", "/s", "high", 1.0),
    ("store-write-ms", "storage: create + write 4 KiB", "ms", "low", 0.5),
    ("store-read-ms", "storage: open + read 4 KiB", "ms", "low", 0.5),
]
REQUIRED = ("invoke-us", "open-close-ms", "first-load-ms")
# Figures of Rampart's own test TAs: a row only where measured, no reason printed otherwise.
RAMPART_ONLY = ("invoke-pta-us", "invoke-fpu-us")

# The benchmark's fixed inputs (bench.c, ta/include/rampart_bench_ta.h).
BULK = bytes((i * 7 + 1) & 0xFF for i in range(1 << 20))
KEY = b"rampart-bench-k\0"
IV = b"rampart-bench-iv"


def expected_checks():
    """What the "check" lines must say; AES only where Python's cryptography module is."""
    want = {"sha256": hashlib.sha256(BULK).hexdigest()}
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:
        return want
    enc = Cipher(algorithms.AES(KEY), modes.CBC(IV)).encryptor()
    want["aes128-cbc"] = (enc.update(BULK) + enc.finalize())[-16:].hex()
    enc = Cipher(algorithms.AES(KEY), modes.GCM(IV[:12])).encryptor()
    enc.authenticate_additional_data(IV[:16])
    enc.update(BULK)
    enc.finalize()
    want["aes128-gcm"] = enc.tag.hex()
    return want


class Result:
    """One boot's tee-bench lines."""

    def __init__(self, text=None, failure=None):
        self.figures, self.skips, self.checks, self.errors = {}, {}, {}, []
        self.failure = failure
        self.runs = 1
        for line in (text or "").splitlines():
            m = re.search(r"tee-bench: (.*)", line)
            if not m:
                continue
            words = m.group(1).strip().split(None, 2)
            if words[0] == "error":
                self.errors.append(m.group(1)[6:].strip())
            elif words[0] == "skip" and len(words) == 3:
                self.skips[words[1]] = words[2]
            elif words[0] == "check" and len(words) == 3:
                self.checks[words[1]] = words[2].strip()
            elif len(words) >= 2 and re.fullmatch(r"[0-9.]+", words[1]):
                self.figures[words[0]] = float(words[1])
        if not self.failure and not self.errors and not set(REQUIRED) <= self.figures.keys():
            self.failure = "no tee-bench figures"

    @classmethod
    def combine(cls, runs):
        """Several boots of one side: each figure's median over the boots that measured it."""
        good = [r for r in runs if not r.failure]
        if not good:
            return runs[0]
        out = cls()
        out.failure = None
        for r in good:
            for k, v in r.skips.items():
                out.skips.setdefault(k, v)
            for k, v in r.checks.items():
                # a check that differs between boots is kept as the odd one, to be reported
                if out.checks.get(k, v) == v:
                    out.checks[k] = v
                else:
                    out.checks[k] = "differs between boots"
            out.errors += r.errors
        for name in {k for r in good for k in r.figures}:
            out.figures[name] = statistics.median(r.figures[name] for r in good
                                                  if name in r.figures)
        out.runs = len(good)
        return out

    def cell(self, name):
        if self.failure:
            return None, "not measured (%s)" % self.failure
        if name in self.figures:
            return self.figures[name], None
        if name in self.skips:
            return None, "not measured (%s)" % self.skips[name]
        return None, "not measured (%s)" % (self.errors[0] if self.errors else "no figure")

    def wrong_outputs(self, want):
        return [k for k, v in want.items() if k in self.checks and self.checks[k] != v]


def _fmt(value, unit):
    return "%.3g %s" % (value, unit) if value < 100 else "%.0f %s" % (value, unit)


def print_table(ours, ref, ref_note):
    """ref is None when no reference ran; ref_note then says how to get one."""
    want = expected_checks()
    width = 34
    if ref is None:
        print("  %-*s %-16s" % (width, "figure", "Rampart"))
    else:
        print("  %-*s %-16s %-16s %-8s %s" % (width, "figure", "Rampart", "TF-A + OP-TEE",
                                              "ratio", "target"))
    for name, label, unit, better, target in FIGURES:
        ov, onote = ours.cell(name)
        if ref is None:
            if ov is None and name in RAMPART_ONLY:
                continue
            print("  %-*s %s" % (width, label, _fmt(ov, unit) if ov is not None else onote))
            continue
        rv, rnote = ref.cell(name)
        if ov is None and rv is None and name in RAMPART_ONLY:
            continue
        cols = [_fmt(ov, unit) if ov is not None else "-",
                _fmt(rv, unit) if rv is not None else "-"]
        ratio = goal = ""
        if ov is not None and rv is not None and rv > 0:
            r = ov / rv
            ratio = "%.3f" % r
            if target is not None:
                met = r <= target if better == "low" else r >= target
                goal = "%s %.1f: %s" % ("<=" if better == "low" else ">=", target,
                                        "met" if met else "NOT met")
        elif target is not None:
            goal = "%s %.1f" % ("<=" if better == "low" else ">=", target)
        print("  %-*s %-16s %-16s %-8s %s" % (width, label, cols[0], cols[1], ratio, goal))
        for side, note, res in (("Rampart", onote, ours), ("reference", rnote, ref)):
            if note and not res.failure and name not in RAMPART_ONLY:
                print("  %-*s   %s: %s" % (width, "", side, note))
    for side, res in (("Rampart", ours), ("reference", ref)):
        if res is None:
            continue
        if res.failure and ref is not None:
            print("  %s: nothing measured (%s)" % (side, res.failure))
        bad = res.wrong_outputs(want)
        checked = [k for k in want if k in res.checks]
        if bad:
            print("  OUTPUT WRONG on %s: %s (its figures for them mean nothing)"
                  % (side, ", ".join(bad)))
        elif checked:
            print("  outputs checked against the host on %s: %s" % (side, ", ".join(checked)))
        for e in res.errors:
            print("  error on %s: %s" % (side, e))
    if ours.checks and ref is not None and ref.checks:
        differ = [k for k in ours.checks if k in ref.checks and ours.checks[k] != ref.checks[k]]
        if differ:
            print("  outputs differ between the two: %s" % ", ".join(differ))
    if ref is None:
        print("  reference: %s" % ref_note)
