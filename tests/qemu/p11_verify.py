#!/usr/bin/env python3
"""Checks signatures made by the PKCS#11 token in the guest with the host's own cryptography
(Python's cryptography module, on OpenSSL), so that the token's signatures are verified by code
that is not the trusted OS's: tests/qemu/guest/pkcs11.sh prints the public keys pkcs11-tool read
out of the token and the signatures it made as "p11-export: NAME HEX" lines.

    p11_verify.py CHECK LOG [LOG2]

CHECK: ec, ec-raw, rsa, rsa-raw, rsa-pss (each must verify over the data the guest signed),
tampered (every one of those must fail over the tampered data), kept-rsa (the second boot's
signature, LOG2, under the first boot's public key). Exit status 0 when the check holds.
"""
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils

# The guest's files (tests/qemu/guest/pkcs11.sh)
DATA = b"Rampart PKCS#11 token: data to sign\n"
TAMPERED = b"Rampart PKCS#11 token: data to sigN\n"
DIGEST = b"0123456789abcdef0123456789abcdef"


def exports(log):
    out = {}
    with open(log, errors="replace") as f:
        for line in f:
            parts = line.strip().split()
            if len(parts) == 3 and parts[0] == "p11-export:":
                out[parts[1]] = bytes.fromhex(parts[2])
    return out


def ecdsa_der(raw):
    """PKCS#11's r || s (Current Mechanisms 2.3.1) as the DER X9.62 wants."""
    half = len(raw) // 2
    r = int.from_bytes(raw[:half], "big")
    s = int.from_bytes(raw[half:], "big")
    return utils.encode_dss_signature(r, s)


def verify(check, ex, data, digest):
    ec_pub = serialization.load_der_public_key(ex["ec-pub"])
    rsa_pub = serialization.load_der_public_key(ex["rsa-pub"])
    if check == "ec":
        ec_pub.verify(ecdsa_der(ex["ec-sig"]), data, ec.ECDSA(hashes.SHA256()))
    elif check == "ec-raw":
        ec_pub.verify(ecdsa_der(ex["ec-raw-sig"]), digest,
                      ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    elif check == "rsa":
        rsa_pub.verify(ex["rsa-sig"], data, padding.PKCS1v15(), hashes.SHA256())
    elif check == "rsa-raw":
        # CKM_RSA_PKCS signs its input as given: s^e must be 00 01 FF.. 00 || data
        n = rsa_pub.public_numbers()
        k = (n.n.bit_length() + 7) // 8
        em = pow(int.from_bytes(ex["rsa-raw-sig"], "big"), n.e, n.n).to_bytes(k, "big")
        want = b"\x00\x01" + b"\xff" * (k - 3 - len(data)) + b"\x00" + data
        if em != want:
            raise InvalidSignature()
    elif check == "rsa-pss":
        rsa_pub.verify(ex["rsa-pss-sig"], data,
                       padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
                       hashes.SHA256())
    else:
        raise SystemExit(f"unknown check {check}")


def main():
    check, log = sys.argv[1], sys.argv[2]
    ex = exports(log)
    try:
        if check == "kept-rsa":
            ex2 = exports(sys.argv[3])
            ex["rsa-sig"] = ex2["kept-rsa-sig"]
            verify("rsa", ex, DATA, DIGEST)
        elif check == "tampered":
            for c in ("ec", "ec-raw", "rsa", "rsa-raw", "rsa-pss"):
                try:
                    verify(c, ex, TAMPERED, DIGEST[::-1])
                except InvalidSignature:
                    continue
                print(f"p11_verify: {c} verified over tampered data")
                return 1
        else:
            verify(check, ex, DATA, DIGEST)
    except InvalidSignature:
        print(f"p11_verify: {check}: invalid signature")
        return 1
    except (KeyError, ValueError) as e:
        print(f"p11_verify: {check}: {type(e).__name__} {e}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
