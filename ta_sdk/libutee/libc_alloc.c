// SPDX-License-Identifier: BSD-2-Clause
/* The C allocation functions (<stdlib.h>) for TAs: the same heap as TEE_Malloc. */
#include <stdint.h>
#include <stdlib.h>
#include <tee_internal_api.h>

void *malloc(size_t size)
{
	return TEE_Malloc(size, TEE_MALLOC_NO_FILL);
}

void *calloc(size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		return NULL;
	return TEE_Malloc(nmemb * size, TEE_MALLOC_FILL_ZERO);
}

void *realloc(void *ptr, size_t size)
{
	return TEE_Realloc(ptr, size);
}

void free(void *ptr)
{
	TEE_Free(ptr);
}
