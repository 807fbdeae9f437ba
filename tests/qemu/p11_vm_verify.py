#!/usr/bin/env python3
"""Checks, with the host's own cryptography, the signatures the PKCS#11 tokens of two VMs made
(tests/qemu/guest/pkcs11-vm.sh prints each VM's key 01 and signatures as "[vmN] p11-export:
NAME HEX" lines on the virt console).

    p11_vm_verify.py PUB-LOG PUB-VM SIG-LOG SIG-VM SIG-NAME

Exit status 0 when SIG-VM's signature SIG-NAME (from SIG-LOG) verifies under PUB-VM's public
key (from PUB-LOG) over the data the guest signed, 1 when it does not, 2 when an export is
missing.
"""
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

DATA = b"Rampart PKCS#11 token: data to sign\n"  # the guest's $data


def export(log, vm, name):
    prefix = f"[{vm}] p11-export: {name} "
    with open(log, errors="replace") as f:
        for line in f:
            if line.startswith(prefix):
                return bytes.fromhex(line[len(prefix):].strip())
    print(f"no {name} of {vm} in {log}")
    sys.exit(2)


def main():
    pub_log, pub_vm, sig_log, sig_vm, sig_name = sys.argv[1:6]
    pub = serialization.load_der_public_key(export(pub_log, pub_vm, "pub"))
    raw = export(sig_log, sig_vm, sig_name)
    # PKCS#11's r || s (Current Mechanisms 2.3.1) as DER for X9.62
    half = len(raw) // 2
    der = utils.encode_dss_signature(int.from_bytes(raw[:half], "big"),
                                     int.from_bytes(raw[half:], "big"))
    try:
        pub.verify(der, DATA, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        sys.exit(1)


main()
