// SPDX-License-Identifier: BSD-2-Clause
/* Test TA commands on memory: the heap round trip, access rights, touching an address. */
#include <tee_internal_api_extensions.h>
#include <trace.h>

#include "test_ta.h"
#include "user_ta_header_defines.h"

static bool all_bytes(const uint8_t *b, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (b[i] != v)
			return false;
	return true;
}

/* Every check of TEST_CMD_HEAP; false at the first that fails, with the reason logged. */
static bool heap_round_trip(size_t n)
{
	size_t baseline = tee_heap_bytes_in_use();
	uint8_t *a = TEE_Malloc(n, TEE_MALLOC_FILL_ZERO);
	uint8_t *b = TEE_Malloc(n, TEE_MALLOC_NO_FILL);
	uint8_t *grown;
	bool ok = false;

	if (!a || !b) {
		EMSG("TEE_Malloc(%zu) failed", n);
		goto out;
	}
	if (!all_bytes(a, n, 0)) {
		EMSG("TEE_Malloc(FILL_ZERO) memory is not zero");
		goto out;
	}
	TEE_MemFill(a, 0xa5, n);
	TEE_MemMove(b, a, n);
	if (TEE_MemCompare(a, b, n) != 0 || !all_bytes(b, n, 0xa5)) {
		EMSG("TEE_MemFill/TEE_MemMove/TEE_MemCompare disagree");
		goto out;
	}
	if (n && (b[n - 1] = 0x00, TEE_MemCompare(a, b, n) <= 0)) {
		EMSG("TEE_MemCompare misses a difference");
		goto out;
	}
	grown = TEE_Realloc(a, 2 * n + 16);
	if (!grown) {
		EMSG("TEE_Realloc to %zu failed", 2 * n + 16);
		goto out;
	}
	a = grown;
	if (!all_bytes(a, n, 0xa5)) {
		EMSG("TEE_Realloc lost the contents");
		goto out;
	}
	if (TEE_Malloc(TA_DATA_SIZE + 1, 0)) {
		EMSG("an allocation larger than the heap succeeded");
		goto out;
	}
	ok = true;
out:
	TEE_Free(a);
	TEE_Free(b);
	if (ok && tee_heap_bytes_in_use() != baseline) {
		EMSG("heap use %zu after the round trip, %zu before", tee_heap_bytes_in_use(),
		     baseline);
		ok = false;
	}
	return ok;
}

TEE_Result test_heap(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = heap_round_trip(p[0].value.a);
	p[1].value.b = 0;
	return TEE_SUCCESS;
}

/*
 * OP-TEE's TEE_MEMORY_ACCESS_SECURE and _NONSECURE: the client's buffer is normal-world memory,
 * the TA's code and heap are not; both flags together never pass.
 */
static bool secure_access(void *client, size_t size)
{
	const uint32_t any = TEE_MEMORY_ACCESS_READ | TEE_MEMORY_ACCESS_ANY_OWNER;
	const uint32_t sec = TEE_MEMORY_ACCESS_SECURE, ns = TEE_MEMORY_ACCESS_NONSECURE;
	uint8_t *heap = TEE_Malloc(64, 0);
	bool ok = heap != NULL;

	if (client && size &&
	    TEE_CheckMemoryAccessRights(any | sec, client, size) != TEE_ERROR_ACCESS_DENIED) {
		EMSG("the client's buffer passed as secure memory");
		ok = false;
	}
	if (client && size && TEE_CheckMemoryAccessRights(any | ns, client, size)) {
		EMSG("the client's buffer is not non-secure memory");
		ok = false;
	}
	if (TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ | sec, (void *)secure_access, 16) ||
	    (heap && TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_WRITE | sec, heap, 64))) {
		EMSG("the TA's code or heap is not secure memory");
		ok = false;
	}
	if (TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ | ns, (void *)secure_access, 16) !=
	    TEE_ERROR_ACCESS_DENIED) {
		EMSG("the TA's code passed as non-secure memory");
		ok = false;
	}
	if (heap && TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ | sec | ns, heap, 64) !=
			TEE_ERROR_ACCESS_DENIED) {
		EMSG("secure and non-secure at once passed");
		ok = false;
	}
	TEE_Free(heap);
	return ok;
}

TEE_Result test_access(uint32_t types, TEE_Param p[4])
{
	const uint32_t rw = TEE_MEMORY_ACCESS_READ | TEE_MEMORY_ACCESS_WRITE;
	void *buf = p[0].memref.buffer;
	size_t size = p[0].memref.size;
	bool ok = true;

	if (types != PT(MEMREF_INOUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!buf || !size) {
		EMSG("TEST_CMD_ACCESS needs a buffer");
		ok = false;
	} else if (TEE_CheckMemoryAccessRights(rw | TEE_MEMORY_ACCESS_ANY_OWNER, buf, size)) {
		EMSG("the client's buffer is not readable and writable");
		ok = false;
	}
	/* GP 4.11.1: without ANY_OWNER, memory the client shares is refused. */
	if (buf && size && TEE_CheckMemoryAccessRights(rw, buf, size) != TEE_ERROR_ACCESS_DENIED) {
		EMSG("the client's buffer passed without ANY_OWNER");
		ok = false;
	}
	if (TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_WRITE, (void *)test_access, 16) !=
	    TEE_ERROR_ACCESS_DENIED) {
		EMSG("the TA's own code is writable");
		ok = false;
	}
	if (TEE_CheckMemoryAccessRights(TEE_MEMORY_ACCESS_READ, (void *)test_access, 16)) {
		EMSG("the TA's own code is not readable");
		ok = false;
	}
	ok &= secure_access(buf, size);
	p[1].value.a = ok;
	p[1].value.b = 0;
	return TEE_SUCCESS;
}

TEE_Result test_touch(uint32_t types, TEE_Param p[4])
{
	volatile uint8_t *addr = (volatile uint8_t *)(uintptr_t)p[0].value.a;

	if (types != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].value.b)
		*addr = 0x5a;
	else
		(void)*addr;
	return TEE_SUCCESS;
}
