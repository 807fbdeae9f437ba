/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface of OP-TEE's attestation pseudo TA, as xtest names it (UUID and command IDs
 * only). Rampart has no such pseudo TA; xtest's attestation cases fail with
 * TEE_ERROR_ITEM_NOT_FOUND (docs/xtest.md). Only `make xtest` uses this header.
 */
#ifndef XTEST_COMPAT_PTA_ATTESTATION_H
#define XTEST_COMPAT_PTA_ATTESTATION_H

#define PTA_ATTESTATION_UUID                                                                       \
	{ 0x39800861, 0x182a, 0x4720, { 0x9b, 0x67, 0x2b, 0xcd, 0x62, 0x2b, 0xc0, 0xb5 } }

#define PTA_ATTESTATION_GET_PUBKEY 0x0
#define PTA_ATTESTATION_GET_TA_SHDR_DIGEST 0x1
#define PTA_ATTESTATION_HASH_TA_MEMORY 0x2
#define PTA_ATTESTATION_HASH_TEE_MEMORY 0x3

#endif
