#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Known answers for the GP arithmetical API test TA (ta/rampart_arith), computed with Python's
own integers over a fixed seed, so the answers come from an implementation independent of the
mbedTLS bignum the TA runs on.

usage: arith_kat_gen.py OUT.h

Each vector holds operands a, b and a modulus n and every result the TA checks: a + b, a - b,
a * b, the quotient and remainder of a / b (GP 8.6.5: the quotient rounded toward zero, the
remainder of a's sign), a mod n, (a + b) mod n, (a - b) mod n, (a * b) mod n, a^2 mod n,
a^-1 mod n when it exists, gcd(a, b), a^|b| mod n for odd n, a^2 when it fits the
largest TEE_BigInt, |a| >> 37 with a's sign (GP 8.5.3 shifts the magnitude). The TA sizes each destination for
exactly the answer's bit length, the tightest TEE_BigIntSizeInU32 allows.
"""
import math
import random
import sys

SEED = 20261201
SHIFT = 37  # TEE_BigIntShiftRight's shift (ARITH_SHIFT in ta/rampart_arith/arith_ta.h)
MAX_BITS = 8192  # TEE_BIGINT_MAX_BITS (ta_sdk/include/tee_internal_api.h)


def num(v):
    sign = -1 if v < 0 else 1
    mag = abs(v)
    octets = mag.to_bytes((mag.bit_length() + 7) // 8, "big")
    body = ", ".join("0x%02x" % o for o in octets)
    return "{%d, %d, (const uint8_t[]){%s}}" % (sign, len(octets), body or "0")


def trunc_div(a, b):
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return q, a - q * b


def rnd(r, bits, negative_ok=True):
    if bits == 0:
        return 0
    v = r.getrandbits(bits) | (1 << (bits - 1))
    return -v if negative_ok and r.random() < 0.4 else v


def vector(a, b, n):
    assert n >= 2 and b != 0
    # Every answer must fit the largest TEE_BigInt (a^2 is checked only when it does).
    for v in (a, b, n, a + b, a - b, a * b):
        assert abs(v).bit_length() <= MAX_BITS, (a, b, n)
    square_fits = abs(a).bit_length() * 2 <= MAX_BITS
    q, rem = trunc_div(a, b)
    am = a % n
    try:
        inv = pow(am, -1, n) if am else None
    except ValueError:
        inv = None
    g = gcd = math.gcd(a, b)
    fields = [num(a), num(b), num(n), num(a + b), num(a - b), num(a * b), num(q), num(rem),
              num(am), num((a + b) % n), num((a - b) % n), num((a * b) % n), num((a * a) % n),
              num(inv if inv is not None else 0), num(gcd),
              num(pow(a, abs(b), n) if n % 2 else 0), num(a * a if square_fits else 0),
              num(-(abs(a) >> SHIFT) if a < 0 else a >> SHIFT)]
    return "\t{%s,\n\t %d, %d, %d, %d},\n" % (",\n\t ".join(fields), inv is not None,
                                             1 if g == 1 else 0, n % 2, square_fits)


def vectors(r):
    out = []
    # Edge values: zero operands, one, a = b, a = -b (a zero sum), |a| < |b| (quotient 0).
    out.append(vector(0, 1, 2))
    out.append(vector(0, -7, 97))
    out.append(vector(1, 1, 3))
    out.append(vector(-1, 1, 2))
    out.append(vector(12345, -12345, 1000003))
    out.append(vector(-5, 7, 11))
    out.append(vector(-(2**32), 2**32 - 1, 2**32 + 15))
    out.append(vector(2**64 - 1, -(2**32 + 1), 2**61 - 1))
    out.append(vector(6, 9, 9))  # no inverse: gcd(6, 9) = 3
    # Random sizes across word and limb boundaries, negative operands among them.
    for abits, bbits, nbits in [(31, 33, 32), (63, 64, 65), (95, 17, 64), (128, 128, 127),
                                (257, 255, 256), (521, 300, 521), (1024, 1024, 1024),
                                (2047, 1000, 2048), (2048, 2048, 2048), (4000, 64, 1500),
                                (3000, 1096, 2000)]:
        for _ in range(2):
            a = rnd(r, abits)
            b = rnd(r, bbits)
            n = rnd(r, nbits, negative_ok=False)
            if n < 2:
                n = 2
            out.append(vector(a, b, n))
    # At the declared limit: 8192-bit products and an 8192-bit sum.
    out.append(vector(rnd(r, 2048), rnd(r, 2048), rnd(r, 2048, False) | 1))
    out.append(vector(rnd(r, 4096), rnd(r, 4096), rnd(r, 2048, False) | 1))
    out.append(vector(-(2**8192 - 2), 1, 2**127 - 1))
    out.append(vector(2**8170 + rnd(r, 4000, False), -(2**20 + 7), 2**521 - 1))
    return out


def is_prime(n):
    """Deterministic trial and Miller-Rabin check of the table below (host side)."""
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    rr = random.Random(n)
    for _ in range(64):
        x = pow(rr.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


# Well-known primes (Mersenne, curve fields) and composites, Carmichael numbers among them.
P256 = 2**256 - 2**224 + 2**192 + 2**96 - 1
P384 = 2**384 - 2**128 - 2**96 + 2**32 - 1
PRIMES = [2, 3, 65537, 2**61 - 1, 2**89 - 1, 2**127 - 1, 2**255 - 19, P256, P384, 2**521 - 1]
COMPOSITES = [0, 1, 4, 561, 41041, 825265, 2**32 + 1, (2**61 - 1) * (2**89 - 1),
              (2**127 - 1)**2, 2**521 + 1, P256 * P384]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: arith_kat_gen.py OUT.h")
    r = random.Random(SEED)
    vecs = vectors(r)
    for p in PRIMES:
        assert is_prime(p), p
    for c in COMPOSITES:
        assert not is_prime(c), c
    with open(sys.argv[1], "w") as f:
        f.write("/* Generated by tools/arith_kat_gen.py (seed %d): do not edit. */\n" % SEED)
        f.write("#ifndef ARITH_VECTORS_H\n#define ARITH_VECTORS_H\n\n")
        f.write("static const struct arith_kat arith_kats[] = {\n")
        f.write("".join(vecs))
        f.write("};\n\nstatic const struct arith_prime arith_primes[] = {\n")
        for v in PRIMES:
            f.write("\t{%s, 1},\n" % num(v))
        for v in COMPOSITES:
            f.write("\t{%s, 0},\n" % num(v))
        f.write("};\n\n#endif\n")
    print("arith_kat_gen: %d vectors, %d primality cases" % (len(vecs), len(PRIMES) +
                                                           len(COMPOSITES)))


if __name__ == "__main__":
    main()
