// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP memory functions (GP 4.11) over the TA heap: the ta_head.data_size bytes the trusted OS
 * maps at TA_HEAP_BASE, asked for (TA_SYS_GET_HEAP) on the first allocation.
 */
#include <rampart/ta_abi.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <trace.h>

#include "heap.h"
#include "utee_internal.h"
#include "utee_syscalls.h"

static struct heap ta_heap;
static bool ta_heap_ready;
static const void *instance_data;

static struct heap *heap(void)
{
	uint64_t base = 0;
	uint64_t size = 0;
	TEE_Result res;

	if (ta_heap_ready)
		return &ta_heap;
	ta_heap_ready = true;
	res = utee_get_heap(&base, &size);
	if (res != TEE_SUCCESS)
		EMSG("no heap: TA_SYS_GET_HEAP failed (0x%x)", res);
	else if (!heap_init(&ta_heap, (void *)(uintptr_t)base, (size_t)size))
		EMSG("no heap: %llu bytes at 0x%llx is too small (TA_DATA_SIZE)",
		     (unsigned long long)size, (unsigned long long)base);
	return &ta_heap;
}

bool utee_heap_owns(const void *ptr, size_t size)
{
	return ptr && heap_usable_size(heap(), ptr) >= size;
}

size_t utee_heap_usable_size(const void *ptr)
{
	size_t n = heap_usable_size(heap(), ptr);

	if (!n) {
		EMSG("malloc_usable_size(%p): not a live allocation", ptr);
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	return n;
}

size_t tee_heap_bytes_in_use(void)
{
	return heap()->in_use;
}

/*
 * What TEE_Malloc(0) gives: not NULL (that is "out of memory"), and not memory either, so that
 * a TA using it faults, as on OP-TEE (its os_test TA checks that reading or writing it kills the
 * TA). An address in the first MiB, below TA_IMAGE_BASE, which no TA address space maps.
 */
#define ZERO_SIZE_ALLOC ((void *)(uintptr_t)0x1000)
_Static_assert(0x1000 < TA_IMAGE_BASE, "the zero-size address must stay unmapped");

void *TEE_Malloc(size_t size, uint32_t hint)
{
	void *p;

	if (!size)
		return ZERO_SIZE_ALLOC;
	p = heap_alloc(heap(), size);

	/* GP 4.11.3: zero-filled unless TEE_MALLOC_NO_FILL; unknown hint bits change nothing. */
	if (p && !(hint & TEE_MALLOC_NO_FILL))
		memset(p, 0, size);
	return p;
}

void *TEE_Realloc(void *buffer, size_t newSize)
{
	size_t old;
	uint8_t *p;

	if (buffer == ZERO_SIZE_ALLOC)
		buffer = NULL; /* nothing to keep: as a new allocation */
	old = buffer ? heap_usable_size(heap(), buffer) : 0;
	if (buffer && !old)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS); /* not an allocation of ours */
	p = heap_realloc(heap(), buffer, newSize);
	/* The grown part reads as zero, as a fresh TEE_Malloc would. */
	if (p && newSize > old)
		memset(p + old, 0, newSize - old);
	return p;
}

void TEE_Free(void *buffer)
{
	if (buffer == ZERO_SIZE_ALLOC)
		return;
	if (buffer && !heap_free(heap(), buffer)) {
		EMSG("TEE_Free(%p): not a live allocation", buffer);
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
}

void TEE_MemMove(void *dest, const void *src, size_t size)
{
	memmove(dest, src, size);
}

int32_t TEE_MemCompare(const void *buffer1, const void *buffer2, size_t size)
{
	int r = memcmp(buffer1, buffer2, size);

	return r < 0 ? -1 : r > 0;
}

void TEE_MemFill(void *buffer, uint32_t x, size_t size)
{
	memset(buffer, (uint8_t)x, size);
}

void TEE_SetInstanceData(const void *instanceData)
{
	instance_data = instanceData;
}

const void *TEE_GetInstanceData(void)
{
	return instance_data;
}

/*
 * GP 4.11.1. What libutee knows is checked here: the range must not wrap or leave the TA's
 * address space, and without ANY_OWNER it must not touch the current call's memory references
 * (TA_PARAM_BASE onwards), which the client shares. Whether the pages are mapped with the
 * rights asked for only the trusted OS knows (TA_SYS_CHECK_ACCESS).
 */
TEE_Result TEE_CheckMemoryAccessRights(uint32_t accessFlags, void *buffer, size_t size)
{
	const uint32_t known = TEE_MEMORY_ACCESS_READ | TEE_MEMORY_ACCESS_WRITE |
			       TEE_MEMORY_ACCESS_ANY_OWNER | TEE_MEMORY_ACCESS_SECURE |
			       TEE_MEMORY_ACCESS_NONSECURE;
	uintptr_t start = (uintptr_t)buffer;
	uintptr_t end = start + size;
	const uintptr_t params_end = TA_PARAM_BASE + 4 * TA_PARAM_SLOT;

	if (accessFlags & ~known)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!size)
		return TEE_SUCCESS;
	if (end < start || end > TA_VA_LIMIT)
		return TEE_ERROR_ACCESS_DENIED;
	if (!(accessFlags & TEE_MEMORY_ACCESS_ANY_OWNER) && start < params_end &&
	    end > TA_PARAM_BASE)
		return TEE_ERROR_ACCESS_DENIED;
	return utee_check_access(accessFlags, buffer, size) == TEE_SUCCESS
		   ? TEE_SUCCESS
		   : TEE_ERROR_ACCESS_DENIED;
}
