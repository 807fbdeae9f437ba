/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The identifiers of OP-TEE's system pseudo-TA, for TAs that name it (optee_test's crypt and
 * tpm_log_test TAs). Rampart's trusted OS does not serve this pseudo-TA (the dev kit's
 * CFG_SYSTEM_PTA is n): TEE_OpenTASession on PTA_SYSTEM_UUID fails with
 * TEE_ERROR_ITEM_NOT_FOUND. The header lets such TAs build; they test CFG_SYSTEM_PTA before
 * using it.
 */
#ifndef PTA_SYSTEM_H
#define PTA_SYSTEM_H

#include <util.h>

#define PTA_SYSTEM_UUID                                                                            \
	{                                                                                          \
		0x3a2f8978, 0x5dc0, 0x11e8,                                                        \
		{                                                                                  \
			0x9c, 0x2d, 0xfa, 0x7a, 0xe0, 0x1b, 0xbe, 0xbc                             \
		}                                                                                  \
	}

/* Bounds of a derived key and its extra data (PTA_SYSTEM_DERIVE_TA_UNIQUE_KEY), in bytes. */
#define TA_DERIVED_KEY_MIN_SIZE	       16
#define TA_DERIVED_KEY_MAX_SIZE	       32
#define TA_DERIVED_EXTRA_DATA_MAX_SIZE 1024

/* Command identifiers (OP-TEE 3.19). */
#define PTA_SYSTEM_ADD_RNG_ENTROPY	0
#define PTA_SYSTEM_DERIVE_TA_UNIQUE_KEY 1
#define PTA_SYSTEM_GET_TPM_EVENT_LOG	12

#endif
