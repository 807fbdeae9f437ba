/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The test TAs that ship with Rampart and the commands tee-test (userspace/tee-test) drives them
 * with. Shared by the TAs (ta/) and the normal-world test program.
 */
#ifndef RAMPART_TEST_TA_H
#define RAMPART_TEST_TA_H

/* The test TA: 5ee1c0de-7a11-4e57-9a6e-72616d706172 (multi-instance: one instance a session). */
#define TA_RAMPART_TEST_UUID                                                                   \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x72, 0x61, 0x6d, 0x70, 0x61, 0x72 } \
	}

/* Commands of the test TA; parameters listed as p0..p3, anything not listed is NONE. */
#define TEST_CMD_ADD 0	       /* p0 VALUE_IN a, b; p1 VALUE_OUT a = a + b, b = a - b */
#define TEST_CMD_INOUT 1       /* p0 VALUE_INOUT: a += 1, b += 2 */
#define TEST_CMD_FILL 2	       /* p0 MEMREF_OUT (or INOUT); p1 VALUE_IN a = byte, b = length: SHORT_BUFFER
				* with p0.size = length if the buffer is smaller, else fills it */
#define TEST_CMD_SUM 3	       /* p0 MEMREF_IN or INOUT (may be null, size 0); p1 VALUE_OUT a = byte sum,
				* b = size seen */
#define TEST_CMD_REVERSE 4     /* p0 MEMREF_INOUT: reversed in place */
#define TEST_CMD_ALL_TYPES 5   /* p0 VALUE_IN, p1 VALUE_INOUT, p2 MEMREF_IN, p3 MEMREF_OUT: p1.a =
				* p0.a + p2's byte sum, p3 = copy of p2 (SHORT_BUFFER if smaller) */
#define TEST_CMD_PANIC 6       /* TEE_Panic(0xdead): the instance dies */
#define TEST_CMD_TOUCH 7       /* p0 VALUE_IN a = address, b = 1 write / 0 read: accesses it */
#define TEST_CMD_PEER_ADD 8    /* p0 VALUE_IN a, b; p1 VALUE_OUT: the peer TA adds (TA to TA) */
#define TEST_CMD_WAIT 9	       /* p0 VALUE_IN a = ms: TEE_Wait; returns its result */
#define TEST_CMD_RANDOM 10     /* p0 MEMREF_OUT: TEE_GenerateRandom fills it */
#define TEST_CMD_TIME 11       /* p0 VALUE_OUT system time (a = s, b = ms), p1 VALUE_OUT REE time */
#define TEST_CMD_HEAP 12       /* p0 VALUE_IN a = bytes: TEE_Malloc/Realloc/MemFill/MemCompare/
				* Free round trip; p1 VALUE_OUT a = 1 if every check held */
#define TEST_CMD_PROPS 13      /* p0 VALUE_OUT a = client login, b = 1 if gpd.ta.appID is our UUID
				* and the implementation properties are present */
#define TEST_CMD_ACCESS 14     /* p0 MEMREF_INOUT; p1 VALUE_OUT a = 1 if CheckMemoryAccessRights
				* allows p0 read/write and refuses the TA's own code for write */
#define TEST_CMD_BUSY_CANCEL 15 /* loop until TEE_GetCancellationFlag (after unmasking), at most
				 * p0 VALUE_IN a ms; returns TEE_ERROR_CANCEL if cancelled */
/* Hostile-input and isolation commands (ta/rampart_test/test_hostile.c): 32..47. */
#define TEST_CMD_TPIDR_SWAP 32 /* p0 VALUE_IN a:b = new TPIDR_EL0 (high:low); p1 VALUE_OUT a:b =
				* TPIDR_EL0 found at entry; p2 VALUE_OUT a:b = TPIDRRO_EL0 */
#define TEST_CMD_TPIDR_NESTED 33 /* p0 VALUE_IN a:b = value X: sets TPIDR_EL0 = X, runs
				  * TPIDR_SWAP(~X) in a new instance of this TA; p1 VALUE_OUT a:b =
				  * what that instance found, p2 VALUE_OUT a:b = ours afterwards */
#define TEST_CMD_TPIDR_WAIT 34 /* p0 VALUE_IN a:b = value X, p1 VALUE_IN a = ms: sets TPIDR_EL0 =
				* X, TEE_Wait(ms) (the thread waits in Linux); p2 VALUE_OUT a:b =
				* TPIDR_EL0 after the wait */
#define TEST_CMD_RECURSE 16    /* p0 VALUE_IN a = this call's TA nesting depth (1 from a client);
				* opens a session to its own UUID and sends itself TEST_CMD_RECURSE
				* with depth + 1 until the trusted OS refuses; p1 VALUE_OUT a =
				* deepest depth reached, b = the result that stopped it */
/* Cancellation (ta/rampart_test/test_cancel.c): 17, 18. */
#define TEST_CMD_CANCEL_MASK 17 /* p0 VALUE_IN a = 1 TEE_MaskCancellation, 0 TEE_UnmaskCancellation
				 * (it holds for the session's later commands); p1 VALUE_OUT a =
				 * 1 if it was masked before, b = TEE_GetCancellationFlag after */
#define TEST_CMD_PEER_WAIT 18	/* p0 VALUE_IN a = ms, b = cancellationRequestTimeout; p1 VALUE_IN
				 * a = 1 to unmask the callee: a new instance of this TA runs
				 * TEST_CMD_WAIT(a ms) under TEE_InvokeTACommand with that timeout;
				 * p2 VALUE_OUT a = its result, b = origin; p3 VALUE_OUT a = ms taken */
/* Null and zero-size memrefs (ta/rampart_test/test_null.c): 80..95. */
#define TEST_CMD_NULL_SEEN 80  /* p0 MEMREF_IN, p1 MEMREF_OUT; p2 VALUE_OUT a = bit 0 if p0's buffer
				* is NULL, bit 1 if p1's is, b = p0's size; p3 VALUE_OUT a = p1's size */
#define TEST_CMD_NULL_NEED 81  /* p0 MEMREF_OUT; p1 VALUE_IN a = bytes needed, b = fill byte:
				* SHORT_BUFFER with p0.size = a if p0 is smaller, else fills a bytes */

/*
 * How deep TA entries nest on one trusted OS thread (a client's call is depth 1, every TA-to-TA
 * call one more): tee/ta.c TA_CALL_MAX_DEPTH. The entry that would go deeper is refused with
 * TEE_ERROR_OUT_OF_MEMORY, origin TEE.
 */
#define TEST_TA_NESTING_LIMIT 4

/*
 * The peer TA: 5ee1c0de-7a11-4e57-9a6e-706565720000, single instance, multi-session, kept
 * alive: its counter is shared by all sessions.
 */
#define TA_RAMPART_PEER_UUID                                                                   \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x70, 0x65, 0x65, 0x72, 0x00, 0x00 } \
	}
#define PEER_CMD_ADD 0	       /* p0 VALUE_IN a, b; p1 VALUE_OUT a = a + b */
#define PEER_CMD_COUNT 1       /* p0 VALUE_OUT a = the instance's counter after incrementing it */

/*
 * The swap TA: 5ee1c0de-7a11-4e57-9a6e-737761700000, built in two versions that answer
 * differently (ta/rampart_swap), shipped outside /lib/optee_armtz for tee-test to install and
 * replace: /usr/share/rampart/swap-ta/v1.ta and v2.ta.
 */
#define TA_RAMPART_SWAP_UUID                                                                   \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x73, 0x77, 0x61, 0x70, 0x00, 0x00 } \
	}
#define SWAP_CMD_VERSION 0 /* p0 VALUE_OUT a = the version it was built as */

/*
 * The single TA: 5ee1c0de-7a11-4e57-9a6e-73696e676c65, single instance, multi-session, NOT kept
 * alive: the last session's close destroys the instance, so opens race with that destruction
 * (its destroy entry waits 2 ms, so they do meet it).
 */
#define TA_RAMPART_SINGLE_UUID                                                                 \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x73, 0x69, 0x6e, 0x67, 0x6c, 0x65 } \
	}
#define SINGLE_CMD_ADD 0       /* p0 VALUE_IN a, b; p1 VALUE_OUT a = a + b, b = the instance's
				* canary (set at create, cleared at destroy: never 0 in a call) */

/*
 * The large TA: 5ee1c0de-7a11-4e57-9a6e-6c6172676500, whose file is over 1 MiB (a read-only
 * table of LARGE_TA_TABLE_BYTES bytes, byte i = (i * 7 + 3) mod 251), as OP-TEE's test suite
 * ships one: the trusted OS must read, verify and load it.
 */
#define TA_RAMPART_LARGE_UUID                                                                  \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x6c, 0x61, 0x72, 0x67, 0x65, 0x00 } \
	}
#define LARGE_TA_TABLE_BYTES (251 * 4896) /* 1,228,896: whole periods of the pattern */
#define LARGE_CMD_CHECK 0 /* p0 VALUE_OUT a = bytes of the table found right, b = its size */

/*
 * The statistics pseudo-TA inside the trusted OS: 5ee1c0de-7a11-4e57-9a6e-737461747300.
 * STATS_CMD_MEMORY: p0 VALUE_OUT a = kernel heap bytes in use, b = TA pages in use;
 * p1 VALUE_OUT a = live TA instances, b = open sessions: in a VM, the VM's own (tee/guest.h).
 * STATS_CMD_MEMORY_ALL: the same for the whole trusted OS, every VM's together.
 * STATS_CMD_ENTRY_TABLES: p0 VALUE_OUT a:b = low:high 32 bits of the count of entries into the
 * trusted OS since boot that found a TA's translation tables still in the CPU (always 0 when
 * every exit leaves the kernel's, tee/thread.c).
 * STATS_CMD_FS_REQUESTS: p0..p3 VALUE_OUT, the file-system requests sent to tee-supplicant since
 * boot by kind: p0 a = OPEN, b = CREATE; p1 a = CLOSE, b = READ; p2 a = WRITE, b = TRUNCATE;
 * p3 a = REMOVE, b = RENAME (the order of OP-TEE's FS RPC sub-commands, tee/fs_rpc.h); in a
 * VM, the VM's own.
 * It opens only for the REE kernel and for root with TEEC_LOGIN_USER (tee/pta_stats.c).
 */
#define PTA_RAMPART_STATS_UUID                                                                 \
	{                                                                                      \
		0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x73, 0x74, 0x61, 0x74, 0x73, 0x00 } \
	}
#define STATS_CMD_MEMORY 0
#define STATS_CMD_ENTRY_TABLES 1
#define STATS_CMD_FS_REQUESTS 2
#define STATS_CMD_MEMORY_ALL 3

#endif
