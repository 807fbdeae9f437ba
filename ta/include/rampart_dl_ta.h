/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared TA libraries under test (docs/ta-sdk.md "Shared TA libraries"): the dl TA
 * (ta/rampart_dl), linked with the shl1 library (ta/rampart_shlib) and -ldl; the shl2 library
 * (ta/rampart_shlib2), which needs shl1, only ever dlopen()ed; and libraries the trusted OS must
 * refuse (ta/rampart_shlib_bad). Shared by the TA, the libraries and tee-test's ta-shlib case.
 */
#ifndef RAMPART_DL_TA_H
#define RAMPART_DL_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-646c00000000 ("dl"); one instance a session. */
#define TA_RAMPART_DL_UUID                                                                         \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x64, 0x6c, 0x00, 0x00, 0x00, 0x00                             \
		}                                                                                  \
	}

#define SHLIB1_UUID_STR "5ee1c0de-7a11-4e57-9a6e-73686c310000"
#define SHLIB2_UUID_STR "5ee1c0de-7a11-4e57-9a6e-73686c320000"
/* Refused: cycle-a needs cycle-b, which needs cycle-a (DT_NEEDED). */
#define SHLIB_CYCLE_A_UUID_STR "5ee1c0de-7a11-4e57-9a6e-6379636c6100"
#define SHLIB_CYCLE_B_UUID_STR "5ee1c0de-7a11-4e57-9a6e-6379636c6200"
/* Refused: needs the peer TA's UUID, a TA and not a library. */
#define SHLIB_NEEDS_TA_UUID_STR "5ee1c0de-7a11-4e57-9a6e-6e6565647461"
/* Refused: its relocation points outside its own segments (its ELF altered, then signed). */
#define SHLIB_BAD_RELOC_UUID_STR "5ee1c0de-7a11-4e57-9a6e-62616472656c"
#define PEER_TA_UUID_STR "5ee1c0de-7a11-4e57-9a6e-706565720000"
#define UNKNOWN_UUID_STR "5ee1c0de-7a11-4e57-9a6e-6e6f6e650000"
/* A TA signed with a key the trusted OS does not know (rootfs/broken-tas.sh). */
#define BAD_SIGNATURE_UUID_STR "5ee1c0de-7a11-4e57-9a6e-626164000003"

/* What shl1's data and functions give. */
#define SHLIB1_COUNTER_INIT 7
#define SHLIB1_NAME "rampart shared library 1"
/*
 * Constructors in order: shl1's sets dl_init_trace = dl_init_trace * 10 + 1, then the TA's
 * * 10 + 2 (at TA_CreateEntryPoint: 12); shl2's, at dlopen(), * 10 + 3 (123).
 */
#define DL_TRACE_LINKED 12
#define DL_TRACE_OPENED 123

/* Commands; p0 VALUE_OUT a = checks run (run_ta_checks), anything else NONE. */
#define DL_CMD_LINKED 0	  /* calls, data, constructors of the linked shl1 */
#define DL_CMD_DLOPEN 1	  /* dlopen/dlsym of shl2 and shl1, dl_iterate_phdr */
#define DL_CMD_REFUSALS 2 /* every refused dlopen/dlsym: NULL, dlerror, the instance intact */
/* Writes library 1's relocated pointer table (PT_GNU_RELRO): must kill the instance. */
#define DL_CMD_WRITE_RELRO 3

#endif
