// SPDX-License-Identifier: BSD-2-Clause
/*
 * Faults that must stay contained: a TA that panics or touches memory it does not own dies
 * alone (TEEC_ERROR_TARGET_DEAD, GP TEE Client API 4.4.2), while the TEE and other sessions
 * carry on; client memory inside secure RAM cannot be shared; TA files that are truncated,
 * tampered with or signed with another key are refused.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

/* Secure RAM of the QEMU virt board (plat/qemu_virt): the TEE's own memory. */
#define SECURE_RAM_BASE 0x0e000000ul
#define TEE_ADDRESS	0x0e100000u
/* The start of the normal world's DRAM: a physical address no TA maps. */
#define NORMAL_WORLD_ADDRESS 0x40000000u

/* After a fault: the session is dead for good, and fresh sessions still work. */
static bool dead_and_contained(TEEC_Context *ctx, TEEC_Session *dead, TEEC_Session *other,
			       const char *what)
{
	TEEC_Operation op;
	TEEC_Session fresh;
	uint32_t origin = 0;
	TEEC_Result res;
	char msg[160];

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(dead, TEST_CMD_ADD, &op, &origin);
	snprintf(msg, sizeof(msg), "ADD on the session after %s", what);
	if (!expect_res(msg, res, origin, TEEC_ERROR_TARGET_DEAD))
		return false;
	snprintf(msg, sizeof(msg), "ADD on another session after %s", what);
	if (other && !invoke_add(other, 11, 22, msg))
		return false;
	snprintf(msg, sizeof(msg), "OpenSession after %s", what);
	if (!open_session(ctx, &fresh, &test_ta_uuid, msg))
		return false;
	snprintf(msg, sizeof(msg), "ADD on a new session after %s", what);
	if (!invoke_add(&fresh, 33, 44, msg)) {
		TEEC_CloseSession(&fresh);
		return false;
	}
	TEEC_CloseSession(&fresh);
	return true;
}

bool case_panic(TEEC_Context *ctx)
{
	TEEC_Session victim, other;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok = false;

	if (!open_session(ctx, &other, &test_ta_uuid, "OpenSession(test TA) bystander"))
		return false;
	if (!open_session(ctx, &victim, &test_ta_uuid, "OpenSession(test TA) victim"))
		goto close_other;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_NONE, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&victim, TEST_CMD_PANIC, &op, &origin);
	if (!expect_res("PANIC", res, origin, TEEC_ERROR_TARGET_DEAD))
		goto close;
	if (origin != TEEC_ORIGIN_TEE) {
		fail("PANIC: origin %u, expected %u (TEE)", origin, TEEC_ORIGIN_TEE);
		goto close;
	}
	ok = dead_and_contained(ctx, &victim, &other, "a panic");
close:
	TEEC_CloseSession(&victim);
close_other:
	TEEC_CloseSession(&other);
	return ok;
}

/* TOUCH address with write (1) or read (0): the TA must be killed, nothing else. */
static bool touch_kills(TEEC_Context *ctx, TEEC_Session *other, uint32_t addr, uint32_t write,
			const char *what)
{
	TEEC_Session victim;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	char msg[160];
	bool ok = false;

	if (!open_session(ctx, &victim, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = addr;
	op.params[0].value.b = write;
	res = TEEC_InvokeCommand(&victim, TEST_CMD_TOUCH, &op, &origin);
	snprintf(msg, sizeof(msg), "TOUCH %s 0x%08x (%s)", write ? "write" : "read", addr, what);
	if (expect_res(msg, res, origin, TEEC_ERROR_TARGET_DEAD))
		ok = dead_and_contained(ctx, &victim, other, msg);
	TEEC_CloseSession(&victim);
	return ok;
}

bool case_bad_access(TEEC_Context *ctx)
{
	TEEC_Session other;
	bool ok;

	if (!open_session(ctx, &other, &test_ta_uuid, "OpenSession(test TA) bystander"))
		return false;
	ok = touch_kills(ctx, &other, TEE_ADDRESS, 0, "the TEE's memory") &&
	     touch_kills(ctx, &other, TEE_ADDRESS, 1, "the TEE's memory") &&
	     touch_kills(ctx, &other, 0, 0, "null") &&
	     touch_kills(ctx, &other, NORMAL_WORLD_ADDRESS, 1, "normal-world DRAM");
	TEEC_CloseSession(&other);
	return ok;
}

/*
 * A client cannot make the TEE see secure RAM as a shared buffer: a user mapping of secure RAM
 * (through /dev/mem, which the kernel allows for a region that is not System RAM) cannot be
 * registered, and the TEE keeps working. The TEE's own check of physical addresses in messages
 * is covered by the host unit tests of the message parsing, since no client can put a chosen
 * physical address in a message through an unmodified driver.
 */
bool case_secure_memref(TEEC_Context *ctx)
{
	TEEC_SharedMemory shm;
	TEEC_Session s;
	TEEC_Result res;
	void *map;
	int fd;
	bool ok = false;

	fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (fd < 0)
		return fail("cannot open /dev/mem");
	map = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, SECURE_RAM_BASE);
	close(fd);
	if (map == MAP_FAILED) {
		/* The kernel refusing the mapping already keeps secure RAM out of reach. */
		printf("tee-test: /dev/mem refuses to map secure RAM\n");
	} else {
		memset(&shm, 0, sizeof(shm));
		shm.buffer = map;
		shm.size = 0x10000;
		shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
		res = TEEC_RegisterSharedMemory(ctx, &shm);
		printf("tee-test: registering a mapping of secure RAM: 0x%08x (%s)%s\n", res,
		       res_name(res) ? res_name(res) : "?",
		       res == TEEC_SUCCESS && shm.shadow_buffer ? ", copied through a shadow buffer"
								: "");
		if (res == TEEC_SUCCESS) {
			if (!shm.shadow_buffer) {
				TEEC_ReleaseSharedMemory(&shm);
				munmap(map, 0x10000);
				return fail("secure RAM registered as shared memory");
			}
			/* A shadow copy is normal-world memory; nothing secure is shared. */
			TEEC_ReleaseSharedMemory(&shm);
		}
		munmap(map, 0x10000);
	}
	if (open_session(ctx, &s, &test_ta_uuid, "OpenSession after the attempt")) {
		ok = invoke_add(&s, 1, 2, "ADD after the attempt");
		TEEC_CloseSession(&s);
	}
	return ok;
}

/*
 * Broken TA files shipped under their own UUIDs (rootfs/broken-tas.sh): each must be refused
 * at OpenSession with the error that names its defect (docs/trusted-os.md).
 */
static const struct {
	TEEC_UUID uuid;
	const char *what;
	TEEC_Result expect;
} broken_tas[] = {
    {{0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x62, 0x61, 0x64, 0x00, 0x00, 0x01}}, "truncated",
     TEEC_ERROR_BAD_FORMAT},
    {{0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x62, 0x61, 0x64, 0x00, 0x00, 0x02}}, "tampered",
     TEEC_ERROR_SECURITY},
    {{0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x62, 0x61, 0x64, 0x00, 0x00, 0x03}},
     "signed with another key", TEEC_ERROR_SECURITY},
    {{0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x62, 0x61, 0x64, 0x00, 0x00, 0x04}}, "too big",
     TEEC_ERROR_EXCESS_DATA},
};

static bool ta_file_present(const TEEC_UUID *u)
{
	char path[96];

	snprintf(path, sizeof(path),
		 "/lib/optee_armtz/%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x.ta", u->timeLow,
		 u->timeMid, u->timeHiAndVersion, u->clockSeqAndNode[0], u->clockSeqAndNode[1],
		 u->clockSeqAndNode[2], u->clockSeqAndNode[3], u->clockSeqAndNode[4],
		 u->clockSeqAndNode[5], u->clockSeqAndNode[6], u->clockSeqAndNode[7]);
	return access(path, R_OK) == 0 ? true
				       : (fail("%s missing from the initramfs", path), false);
}

bool case_bad_ta_files(TEEC_Context *ctx)
{
	TEEC_Session s, other;
	uint32_t origin;
	TEEC_Result res;
	size_t i;
	bool ok = true;

	if (!open_session(ctx, &other, &test_ta_uuid, "OpenSession(test TA) bystander"))
		return false;
	for (i = 0; ok && i < sizeof(broken_tas) / sizeof(broken_tas[0]); i++) {
		if (!ta_file_present(&broken_tas[i].uuid)) {
			ok = false;
			break;
		}
		res = try_open(ctx, &s, &broken_tas[i].uuid, &origin);
		if (res == TEEC_SUCCESS) {
			TEEC_CloseSession(&s);
			ok = fail("the %s TA opened", broken_tas[i].what);
		} else if (res != broken_tas[i].expect || origin != TEEC_ORIGIN_TEE) {
			ok = fail("the %s TA: 0x%08x (%s) origin %u, expected 0x%08x (%s) from the TEE",
				  broken_tas[i].what, res, res_name(res) ? res_name(res) : "?", origin,
				  broken_tas[i].expect, res_name(broken_tas[i].expect));
		} else {
			printf("tee-test: the %s TA is refused: 0x%08x (%s), origin %u\n",
			       broken_tas[i].what, res, res_name(res) ? res_name(res) : "?",
			       origin);
		}
	}
	/* Refusals harm nobody else. */
	if (ok)
		ok = invoke_add(&other, 8, 9, "ADD on another session after the refusals");
	TEEC_CloseSession(&other);
	return ok;
}
