/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface of OP-TEE's pseudo TA that installs TAs into secure storage, as xtest's
 * --install-ta names it. Rampart loads TAs only through tee-supplicant; the build leaves
 * CFG_SECSTOR_TA_MGMT_PTA off, so xtest does not call it. Only `make xtest` uses this header.
 */
#ifndef XTEST_COMPAT_PTA_SECSTOR_TA_MGMT_H
#define XTEST_COMPAT_PTA_SECSTOR_TA_MGMT_H

#define PTA_SECSTOR_TA_MGMT_UUID                                                                   \
	{ 0x6e256cba, 0xfc4d, 0x4941, { 0xad, 0x09, 0x2c, 0xa1, 0x86, 0x03, 0x42, 0xdd } }

#define PTA_SECSTOR_TA_MGMT_BOOTSTRAP 0

#endif
