#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""Turn chosen known-answer files of Debian's python3-cryptography-vectors (NIST CAVP, RFC
vectors) into a C header for the GP crypto test TA (ta/rampart_crypto): one table of vectors,
each naming the file it came from.

    crypto_kat_gen.py VECTORS_DIR OUT.h

HMAC keys outside the sizes GP allows for the HMAC object types (GP TEE Internal Core API 5.5.1,
Table 5-9) are brought into range by HMAC's own key rule (RFC 2104 section 2): a key shorter than
the hash's block is padded with zeros to the block, a longer one is hashed first. Both give the
same HMAC, so the expected output is still the RFC's; the header says which vectors were so
transformed. Vectors with a truncated MAC are left out (GP MACs are full length).

AES-CTS (GP's TEE_ALG_AES_CTS, CBC-CS3 of NIST SP 800-38A Addendum) has no file in the package:
its vectors are RFC 3962 Appendix B's, written out below (the Kerberos ciphertext stealing, which
is CS3: the last two blocks always swapped), and NIST's CBC ones with the last two ciphertext
blocks swapped, which is what CS3 gives for whole blocks (one block: plain CBC).
"""
import hashlib
import os
import sys

# (family, GP algorithm, GP key type, file, how many vectors at most, which entries)
DIGESTS = [
    ("MD5", 0x50000001, "hashes/MD5/rfc-1321.txt", "md5"),
    ("SHA1", 0x50000002, "hashes/SHA1/SHA1ShortMsg.rsp", "sha1"),
    ("SHA1", 0x50000002, "hashes/SHA1/SHA1LongMsg.rsp", "sha1"),
    ("SHA224", 0x50000003, "hashes/SHA2/SHA224ShortMsg.rsp", "sha224"),
    ("SHA224", 0x50000003, "hashes/SHA2/SHA224LongMsg.rsp", "sha224"),
    ("SHA256", 0x50000004, "hashes/SHA2/SHA256ShortMsg.rsp", "sha256"),
    ("SHA256", 0x50000004, "hashes/SHA2/SHA256LongMsg.rsp", "sha256"),
    ("SHA384", 0x50000005, "hashes/SHA2/SHA384ShortMsg.rsp", "sha384"),
    ("SHA384", 0x50000005, "hashes/SHA2/SHA384LongMsg.rsp", "sha384"),
    ("SHA512", 0x50000006, "hashes/SHA2/SHA512ShortMsg.rsp", "sha512"),
    ("SHA512", 0x50000006, "hashes/SHA2/SHA512LongMsg.rsp", "sha512"),
]
# (algorithm, key type, file, hashlib name, GP min key bits, GP max key bits)
HMACS = [
    (0x30000001, 0xA0000001, "HMAC/rfc-2202-md5.txt", "md5", 64, 512),
    (0x30000002, 0xA0000002, "HMAC/rfc-2202-sha1.txt", "sha1", 80, 512),
    (0x30000003, 0xA0000003, "HMAC/rfc-4231-sha224.txt", "sha224", 112, 512),
    (0x30000004, 0xA0000004, "HMAC/rfc-4231-sha256.txt", "sha256", 192, 1024),
    (0x30000005, 0xA0000005, "HMAC/rfc-4231-sha384.txt", "sha384", 256, 1024),
    (0x30000006, 0xA0000006, "HMAC/rfc-4231-sha512.txt", "sha512", 256, 1024),
]
CMACS = ["CMAC/nist-800-38b-aes128.txt", "CMAC/nist-800-38b-aes192.txt",
         "CMAC/nist-800-38b-aes256.txt"]
CIPHERS = [
    (0x10000010, "ciphers/AES/ECB/ECBMMT128.rsp"),
    (0x10000010, "ciphers/AES/ECB/ECBMMT192.rsp"),
    (0x10000010, "ciphers/AES/ECB/ECBMMT256.rsp"),
    (0x10000010, "ciphers/AES/ECB/ECBGFSbox128.rsp"),
    (0x10000110, "ciphers/AES/CBC/CBCMMT128.rsp"),
    (0x10000110, "ciphers/AES/CBC/CBCMMT192.rsp"),
    (0x10000110, "ciphers/AES/CBC/CBCMMT256.rsp"),
    (0x10000110, "ciphers/AES/CBC/CBCVarKey256.rsp"),
    (0x10000210, "ciphers/AES/CTR/aes-128-ctr.txt"),
    (0x10000210, "ciphers/AES/CTR/aes-192-ctr.txt"),
    (0x10000210, "ciphers/AES/CTR/aes-256-ctr.txt"),
]
DESS = ["ciphers/3DES/%s/T%sMMT%d.rsp" % (m, m, n) for m in ("ECB", "CBC") for n in (1, 2, 3)]
XTSS = ["ciphers/AES/XTS/tweak-128hexstr/XTSGenAES128.rsp",
        "ciphers/AES/XTS/tweak-128hexstr/XTSGenAES256.rsp"]
XTS_PER_LENGTH = 4
CBC_MACS = ["ciphers/AES/CBC/CBCMMT128.rsp", "ciphers/AES/CBC/CBCMMT192.rsp",
            "ciphers/AES/CBC/CBCMMT256.rsp", "ciphers/AES/CBC/CBCVarTxt128.rsp"]
# RFC 3962 Appendix B: AES-128 CTS, key "chicken teriyaki", IV zero; the inputs are the first
# 17, 31, 32, 47, 48 and 64 bytes of one message.
RFC3962_KEY = "636869636b656e207465726979616b69"
RFC3962_MSG = b"I would like the General Gau's Chicken, please, and wonton soup."
RFC3962_OUT = [
    "c6353568f2bf8cb4d8a580362da7ff7f97",
    "fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5",
    "39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
    "97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e"
    "39312523a78662d5be7fcbcc98ebf5",
    "97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd8"
    "39312523a78662d5be7fcbcc98ebf5a8",
    "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a8"
    "4807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8",
]
# SM3 (GB/T 32905-2016, also draft-sca-cfrg-sm3-02 Appendix A): the package has no SM3 file. The
# two examples of the standard: "abc", and "abcd" 16 times (512 bits).
SM3_ALG, HMAC_SM3_ALG, HMAC_SM3_TYPE = 0x50000007, 0x30000007, 0xA0000007
SM3_VECTORS = [
    (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
     "GB/T 32905-2016 A.1"),
    (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
     "GB/T 32905-2016 A.2"),
]
# HMAC-SM3: GM/T 0042-2015 D.3's two vectors (keys 01..20 and 01..25), and two computed with
# OpenSSL 3's SM3 through Python's hmac: a 1024-bit key (GP's largest, over SM3's 64-byte block,
# so HMAC hashes it first) and an 80-bit one (the smallest) over an empty message.
HMAC_SM3_VECTORS = [
    (bytes(range(1, 0x21)), b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" * 2,
     "ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a", "GM/T 0042-2015 D.3 1"),
    (bytes(range(1, 0x26)), b"\xcd" * 50,
     "220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae", "GM/T 0042-2015 D.3 2"),
    (bytes(range(0x80, 0x100)), b"Rampart HMAC-SM3 key over the block",
     "002fddaf421c4e8cd1f69bb040bc0477f54c0459b35101184237bae53567cc4f", "OpenSSL 3, 1024-bit key"),
    (bytes(range(0x40, 0x4a)), b"",
     "59f2fd9f4093275f8aa2527ab4c2d9749d7b23c33e7337696db2a3c1a1fd56d6", "OpenSSL 3, 80-bit key"),
]
CTS_FROM_CBC = ["ciphers/AES/CBC/CBCMMT128.rsp", "ciphers/AES/CBC/CBCMMT192.rsp",
                "ciphers/AES/CBC/CBCMMT256.rsp"]
CTS_PER_SECTION = 3  # one, two and three blocks
GCMS = ["ciphers/AES/GCM/gcmEncryptExtIV128.rsp", "ciphers/AES/GCM/gcmEncryptExtIV192.rsp",
        "ciphers/AES/GCM/gcmEncryptExtIV256.rsp"]
CCMS = ["ciphers/AES/CCM/%s%d.rsp" % (k, b) for k in ("VADT", "VNT", "VPT", "VTT")
        for b in (128, 192, 256)]
GCM_TAG_BITS = (96, 104, 112, 120, 128)  # GP 6.6.1 TEE_AEInit
CCM_TAG_BYTES = (4, 6, 8, 10, 12, 14, 16)
AE_STRIDE = 5
SHORT_PER_FILE = 8  # CAVP ShortMsg: every 8th byte-aligned entry, up to this many
LONG_PER_FILE = 2
CIPHER_PER_SECTION = 5


def entries(path):
    """The file's entries as dicts (keys upper-cased), each with the [SECTION] it is in."""
    out, cur, section = [], {}, ""
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("#"):
                continue
            if not line:
                if cur:
                    out.append(cur)
                    cur = {}
                continue
            if line.startswith("["):
                if cur:
                    out.append(cur)
                    cur = {}
                section = line.strip("[]").strip()
                continue
            if "=" not in line:
                continue
            k, v = (s.strip() for s in line.split("=", 1))
            cur[k.upper()] = v
            cur["SECTION"] = section
    if cur:
        out.append(cur)
    return out


def hexbytes(s):
    return bytes.fromhex(s) if s else b""


def digest_vectors(vdir):
    out = []
    for fam, alg, rel, _ in DIGESTS:
        es = [e for e in entries(os.path.join(vdir, rel)) if "MD" in e and "LEN" in e]
        es = [e for e in es if int(e["LEN"]) % 8 == 0]
        if "ShortMsg" in rel:
            es = es[::8][:SHORT_PER_FILE] + es[-1:]
        elif "LongMsg" in rel:
            es = es[:LONG_PER_FILE]
        for e in es:
            msg = hexbytes(e["MSG"])[: int(e["LEN"]) // 8]
            out.append(dict(alg=alg, key_type=0, key=b"", iv=b"", inp=msg, out=hexbytes(e["MD"]),
                            decrypt=0, src=rel))
    for msg, md, src in SM3_VECTORS:
        out.append(dict(alg=SM3_ALG, key_type=0, key=b"", iv=b"", inp=msg, out=hexbytes(md),
                        decrypt=0, src=src))
    return out


def hmac_key_in_range(key, name, lo, hi):
    """The key HMAC really uses (RFC 2104 section 2), if the GP range needs it."""
    block = hashlib.new(name).block_size
    bits = len(key) * 8
    if lo <= bits <= hi:
        return key, False
    if len(key) > block:
        key = hashlib.new(name, key).digest()
    if len(key) * 8 < lo:
        key = key + bytes(lo // 8 - len(key))
    assert lo <= len(key) * 8 <= hi and len(key) <= block
    return key, True


def hmac_vectors(vdir):
    out = []
    for alg, kt, rel, name, lo, hi in HMACS:
        for e in entries(os.path.join(vdir, rel)):
            if "MD" not in e or "KEY" not in e:
                continue
            md = hexbytes(e["MD"])
            if len(md) != hashlib.new(name).digest_size:
                continue
            key, changed = hmac_key_in_range(hexbytes(e["KEY"]), name, lo, hi)
            out.append(dict(alg=alg, key_type=kt, key=key, iv=b"", inp=hexbytes(e["MSG"]),
                            out=md, decrypt=0,
                            src=rel + (" (key per RFC 2104 2)" if changed else "")))
    for key, msg, md, src in HMAC_SM3_VECTORS:
        out.append(dict(alg=HMAC_SM3_ALG, key_type=HMAC_SM3_TYPE, key=key, iv=b"", inp=msg,
                        out=hexbytes(md), decrypt=0, src=src))
    return out


def cmac_vectors(vdir):
    out = []
    for rel in CMACS:
        for e in entries(os.path.join(vdir, rel)):
            if "OUTPUT" in e:
                out.append(dict(alg=0x30000610, key_type=0xA0000010, key=hexbytes(e["KEY"]), iv=b"",
                                inp=hexbytes(e.get("MESSAGE", "")), out=hexbytes(e["OUTPUT"]),
                                decrypt=0, src=rel))
    # 3DES-CMAC (TEE_ALG_DES3_CMAC): three keys, and two (K3 = K1: given as K1 || K2, GP's
    # 128-bit keying option 2)
    rel = "CMAC/nist-800-38b-3des.txt"
    for e in entries(os.path.join(vdir, rel)):
        if "OUTPUT" in e:
            key = hexbytes(e["KEY1"] + e["KEY2"])
            if e["KEY3"] != e["KEY1"]:
                key += hexbytes(e["KEY3"])
            out.append(dict(alg=0x30000613, key_type=0xA0000013, key=key, iv=b"",
                            inp=hexbytes(e.get("MESSAGE", "")), out=hexbytes(e["OUTPUT"]),
                            decrypt=0, src=rel + (" (two keys)" if len(key) == 16 else "")))
    return out


def cipher_vectors(vdir):
    out = []
    for alg, rel in CIPHERS:
        per = {}
        for e in entries(os.path.join(vdir, rel)):
            if "PLAINTEXT" not in e or "CIPHERTEXT" not in e:
                continue
            dec = e["SECTION"].upper() == "DECRYPT"
            if per.get(dec, 0) >= CIPHER_PER_SECTION:
                continue
            per[dec] = per.get(dec, 0) + 1
            pt, ct = hexbytes(e["PLAINTEXT"]), hexbytes(e["CIPHERTEXT"])
            out.append(dict(alg=alg, key_type=0xA0000010, key=hexbytes(e["KEY"]),
                            iv=hexbytes(e.get("IV", "")), inp=ct if dec else pt,
                            out=pt if dec else ct, decrypt=int(dec), src=rel))
    return out


def swap_last_two(ct):
    """CBC-CS3 of whole blocks: CBC with the last two blocks swapped (one block: as it is)."""
    if len(ct) < 32:
        return ct
    return ct[:-32] + ct[-16:] + ct[-32:-16]


def cts_vectors(vdir):
    """AES-CTS: RFC 3962 Appendix B, and NIST CBC MMT entries of one to three blocks turned
    into CS3; each both ways."""
    out, key = [], hexbytes(RFC3962_KEY)
    for ct in (hexbytes(h) for h in RFC3962_OUT):
        pt = RFC3962_MSG[:len(ct)]
        for dec in (0, 1):
            out.append(dict(alg=0x10000310, key_type=0xA0000010, key=key, iv=bytes(16),
                            inp=ct if dec else pt, out=pt if dec else ct, decrypt=dec,
                            src="RFC 3962 Appendix B"))
    for rel in CTS_FROM_CBC:
        per = {}
        for e in entries(os.path.join(vdir, rel)):
            if "PLAINTEXT" not in e or "CIPHERTEXT" not in e:
                continue
            dec = e["SECTION"].upper() == "DECRYPT"
            if per.get(dec, 0) >= CTS_PER_SECTION:
                continue
            per[dec] = per.get(dec, 0) + 1
            pt, ct = hexbytes(e["PLAINTEXT"]), swap_last_two(hexbytes(e["CIPHERTEXT"]))
            out.append(dict(alg=0x10000310, key_type=0xA0000010, key=hexbytes(e["KEY"]),
                            iv=hexbytes(e["IV"]), inp=ct if dec else pt, out=pt if dec else ct,
                            decrypt=int(dec), src=rel + " (last two blocks swapped: CS3)"))
    return out


def des_key(e, rel):
    """The GP object type and key of a NIST TDES entry: MMT1 (three equal keys) is single DES,
    MMT2 (KEY3 = KEY1) 3DES keying option 2 as 16 bytes, MMT3 option 1 as 24 bytes."""
    k1, k2, k3 = (hexbytes(e[k]) for k in ("KEY1", "KEY2", "KEY3"))
    if "MMT1" in rel:
        assert k1 == k2 == k3
        return 0xA0000011, k1
    if "MMT2" in rel:
        assert k1 == k3
        return 0xA0000013, k1 + k2
    return 0xA0000013, k1 + k2 + k3


def des_vectors(vdir):
    """DES and 3DES ECB/CBC (NOPAD) from NIST's TDES multi-block files, both directions, and
    DES/3DES CBC-MAC from the CBC encryptions with the IV folded into the first block (as for
    AES, cbc_mac_vectors)."""
    out = []
    for rel in DESS:
        per = {}
        cbc = "/CBC/" in rel
        for e in entries(os.path.join(vdir, rel)):
            if "PLAINTEXT" not in e or "CIPHERTEXT" not in e:
                continue
            dec = e["SECTION"].upper() == "DECRYPT"
            if per.get(dec, 0) >= CIPHER_PER_SECTION:
                continue
            per[dec] = per.get(dec, 0) + 1
            kt, key = des_key(e, rel)
            des3 = kt == 0xA0000013
            pt, ct = hexbytes(e["PLAINTEXT"]), hexbytes(e["CIPHERTEXT"])
            iv = hexbytes(e.get("IV", ""))
            alg = (0x10000100 if cbc else 0x10000000) | (0x13 if des3 else 0x11)
            out.append(dict(alg=alg, key_type=kt, key=key, iv=iv, inp=ct if dec else pt,
                            out=pt if dec else ct, decrypt=int(dec), src=rel))
            if cbc and not dec:
                msg = bytes(a ^ b for a, b in zip(pt[:8], iv)) + pt[8:]
                out.append(dict(alg=0x30000113 if des3 else 0x30000111, key_type=kt, key=key,
                                iv=b"", inp=msg, out=ct[-8:], decrypt=0,
                                src=rel + " (first block xor IV: CBC-MAC)"))
    return out


def xts_vectors(vdir):
    """NIST XTS-AES (IEEE 1619) with a 128-bit tweak: whole-byte data units, both directions;
    the key is the two AES keys side by side (the TA sets them with TEE_SetOperationKey2)."""
    out = []
    for rel in XTSS:
        per = {}
        for e in entries(os.path.join(vdir, rel)):
            if "PT" not in e or "CT" not in e or int(e["DATAUNITLEN"]) % 8:
                continue
            dec = e["SECTION"].upper() == "DECRYPT"
            group = (dec, e["DATAUNITLEN"])  # each data-unit length, stealing (200 bits) too
            if per.get(group, 0) >= XTS_PER_LENGTH:
                continue
            per[group] = per.get(group, 0) + 1
            pt, ct = hexbytes(e["PT"]), hexbytes(e["CT"])
            out.append(dict(alg=0x10000410, key_type=0xA0000010, key=hexbytes(e["KEY"]),
                            iv=hexbytes(e["I"]), inp=ct if dec else pt, out=pt if dec else ct,
                            decrypt=int(dec), src=rel))
    return out


def cbc_mac_vectors(vdir):
    """AES-CBC-MAC (NOPAD) from NIST CBC encryptions: CBC from IV on P1..Pn ends in the same
    block as CBC from a zero IV on (P1 xor IV), P2..Pn, which is CBC-MAC's definition; so the
    MAC of that message is the last ciphertext block (the header names the file)."""
    out = []
    for rel in CBC_MACS:
        n = 0
        for e in entries(os.path.join(vdir, rel)):
            if "PLAINTEXT" not in e or e["SECTION"].upper() != "ENCRYPT" or n >= CIPHER_PER_SECTION:
                continue
            n += 1
            pt, iv, ct = hexbytes(e["PLAINTEXT"]), hexbytes(e["IV"]), hexbytes(e["CIPHERTEXT"])
            msg = bytes(a ^ b for a, b in zip(pt[:16], iv)) + pt[16:]
            out.append(dict(alg=0x30000110, key_type=0xA0000010, key=hexbytes(e["KEY"]), iv=b"",
                            inp=msg, out=ct[-16:], decrypt=0,
                            src=rel + " (first block xor IV: CBC-MAC)"))
    return out


def running_entries(path, last):
    """CAVP files whose parameters carry over from sections and earlier lines (GCM, CCM): each
    entry, ended by its `last` field, with every value seen before it."""
    ctx, out = {}, []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and "=" in line:
                k, v = (x.strip() for x in line.strip("[]").split("=", 1))
                ctx[k.upper()] = v
                continue
            if "=" not in line:
                continue
            k, v = (x.strip() for x in line.split("=", 1))
            ctx[k.upper()] = v
            if k.upper() == last:
                out.append(dict(ctx))
    return out


def gcm_vectors(vdir):
    """NIST GCM encryptions: the first of each section with a tag GP allows, 96-bit IVs, and
    a few with 8- and 1024-bit IVs; each is also decrypted by the TA."""
    out = []
    for rel in GCMS:
        seen, mine = set(), []
        for e in running_entries(os.path.join(vdir, rel), "TAG"):
            tag_bits, iv_bits = int(e["TAGLEN"]), int(e["IVLEN"])
            sect = (iv_bits, e["PTLEN"], e["AADLEN"], tag_bits)
            if tag_bits not in GCM_TAG_BITS or sect in seen:
                continue
            if iv_bits != 96 and (tag_bits != 128 or e["PTLEN"] == "0" or e["AADLEN"] == "0"):
                continue
            if iv_bits == 96 and tag_bits != 128 and (e["PTLEN"] == "0" or
                                                      e["AADLEN"] == "0"):
                continue
            seen.add(sect)
            mine.append(dict(alg=0x40000810, key_type=0xA0000010, key=hexbytes(e["KEY"]),
                            iv=hexbytes(e["IV"]), inp=hexbytes(e["PT"]), out=hexbytes(e["CT"]),
                            aad=hexbytes(e["AAD"]), tag=hexbytes(e["TAG"]), decrypt=0, src=rel))
        # every tag length, IV length and size mix is still met in a fifth of the sections
        out += [v for i, v in enumerate(mine) if i % AE_STRIDE == 0]
    return out


def ccm_vectors(vdir):
    """NIST CCM generation-encryption files (varying AAD, nonce, payload, tag length): the first
    vector of each section; the tag is the tail of CT."""
    out = []
    for rel in CCMS:
        seen, mine = set(), []
        for e in running_entries(os.path.join(vdir, rel), "CT"):
            alen, plen, tlen = int(e["ALEN"]), int(e["PLEN"]), int(e["TLEN"])
            sect = (alen, plen, int(e["NLEN"]), tlen)
            if sect in seen or tlen not in CCM_TAG_BYTES:
                continue
            seen.add(sect)
            ct = hexbytes(e["CT"])
            mine.append(dict(alg=0x40000710, key_type=0xA0000010, key=hexbytes(e["KEY"]),
                            iv=hexbytes(e["NONCE"]), inp=hexbytes(e["PAYLOAD"])[:plen],
                            out=ct[:plen], aad=hexbytes(e["ADATA"])[:alen], tag=ct[plen:],
                            decrypt=0, src=rel))
            assert len(mine[-1]["tag"]) == tlen
        # VNT and VTT: every nonce and tag length; VADT and VPT: a spread of sizes
        step = 1 if ("VNT" in rel or "VTT" in rel) else AE_STRIDE
        out += [v for i, v in enumerate(mine) if i % step == 0 or i == len(mine) - 1]
    return out


def c_bytes(b):
    if not b:
        return "NULL"
    return "(const uint8_t[]){" + ",".join("0x%02x" % x for x in b) + "}"


def main():
    vdir, out_path = sys.argv[1], sys.argv[2]
    families = [("KAT_DIGEST", digest_vectors(vdir)), ("KAT_HMAC", hmac_vectors(vdir)),
                ("KAT_CMAC", cmac_vectors(vdir)), ("KAT_CIPHER",
                                                  cipher_vectors(vdir) + xts_vectors(vdir) +
                                                  cts_vectors(vdir)),
                ("KAT_AE", gcm_vectors(vdir) + ccm_vectors(vdir)),
                ("KAT_CBC_MAC", cbc_mac_vectors(vdir)), ("KAT_DES", des_vectors(vdir))]
    lines = ["/* Generated by tools/crypto_kat_gen.py from " + vdir + ": do not edit. */",
             "#ifndef KAT_VECTORS_H", "#define KAT_VECTORS_H", "",
             "static const struct kat kat_vectors[] = {"]
    for fam, vs in families:
        if len(vs) < 3:
            sys.exit("crypto_kat_gen: only %d vectors for %s" % (len(vs), fam))
        for v in vs:
            aad, tag = v.get("aad", b""), v.get("tag", b"")
            lines.append("\t{%s, 0x%08x, 0x%08x, %d, %s, %d, %s, %d, %s, %d, %s, %d, \"%s\", "
                         "%s, %d, %s, %d}," % (
                             fam, v["alg"], v["key_type"], v["decrypt"], c_bytes(v["key"]),
                             len(v["key"]), c_bytes(v["iv"]), len(v["iv"]), c_bytes(v["inp"]),
                             len(v["inp"]), c_bytes(v["out"]), len(v["out"]), v["src"],
                             c_bytes(aad), len(aad), c_bytes(tag), len(tag)))
    lines += ["};", "", "#endif", ""]
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines))
    os.replace(tmp, out_path)
    print("crypto_kat_gen: %s" % ", ".join("%s %d" % (f, len(v)) for f, v in families))


if __name__ == "__main__":
    main()
