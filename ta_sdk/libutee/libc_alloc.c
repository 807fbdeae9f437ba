// SPDX-License-Identifier: BSD-2-Clause
/*
 * The C library's allocation functions (<stdlib.h>, <malloc.h>) for TAs, over the TA heap that
 * TEE_Malloc uses (TA_DATA_SIZE bytes): one heap, so memory freed by either side serves both.
 * They take the place of picolibc's own allocator, whose sbrk() arena a TA does not have; the
 * rest of picolibc (strdup, asprintf, qsort...) calls these. Failure gives NULL with errno set
 * to ENOMEM (C11 7.22.3), never a panic; a pointer that is not a live allocation panics the TA
 * (free/realloc of one is undefined behaviour, C11 7.22.3.3 and 7.22.3.5).
 */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <tee_internal_api.h>

#include "heap.h"
#include "utee_internal.h"

void *malloc(size_t size)
{
	void *p = TEE_Malloc(size, TEE_MALLOC_NO_FILL);

	if (!p)
		errno = ENOMEM;
	return p;
}

void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = TEE_Malloc(nmemb * size, TEE_MALLOC_FILL_ZERO);
	if (!p)
		errno = ENOMEM;
	return p;
}

void *realloc(void *ptr, size_t size)
{
	void *p = TEE_Realloc(ptr, size);

	if (!p)
		errno = ENOMEM;
	return p;
}

void free(void *ptr)
{
	TEE_Free(ptr);
}

/* Every allocation is HEAP_ALIGN (16) aligned; stricter alignments are not offered. */
void *memalign(size_t align, size_t size)
{
	if (!align || (align & (align - 1)) || align > HEAP_ALIGN) {
		errno = EINVAL;
		return NULL;
	}
	return malloc(size);
}

void *aligned_alloc(size_t align, size_t size)
{
	return memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (align % sizeof(void *))
		return EINVAL;
	p = memalign(align, size);
	if (!p)
		return errno;
	*out = p;
	return 0;
}

size_t malloc_usable_size(void *ptr)
{
	return ptr ? utee_heap_usable_size(ptr) : 0;
}
