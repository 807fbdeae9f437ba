/* SPDX-License-Identifier: BSD-2-Clause */
/* The refused TA: its UUID's last octet is REFUSED_TA_N, set by the build. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#define TA_UUID                                                                                \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x62, 0x61, 0x64, 0x00, 0x00, REFUSED_TA_N } \
	}
#define TA_FLAGS 0
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (4 * 1024)
#define TA_VERSION "1.0"
#define TA_DESCRIPTION "Rampart refused TA: must never run"

#endif
