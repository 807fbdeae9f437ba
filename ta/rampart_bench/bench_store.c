// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage figures: create + write of one object, then opening it and reading it back
 * (GP TEE Internal Core API 5.7 and 5.9), TEE_STORAGE_PRIVATE. The data comes from and goes to
 * the client's shared memory, so the client checks what came back; it passes through a buffer of
 * the TA's own on the way, as TAs do: the storage functions get memory the normal world cannot
 * change under them (OP-TEE refuses shared memory there, TEE_ERROR_ACCESS_DENIED, and libutee
 * then panics the TA).
 *
 * Compiled in when the dev kit's headers define the storage API (TEE_STORAGE_PRIVATE); without
 * it the commands answer TEE_ERROR_NOT_SUPPORTED and BENCH_CMD_FEATURES says why.
 */
#include <rampart_bench_ta.h>
#include <tee_internal_api.h>

#include "bench_ta.h"

#if defined(TEE_STORAGE_PRIVATE) && defined(TEE_DATA_FLAG_ACCESS_WRITE)

uint32_t bench_store_features(void)
{
	return BENCH_HAS_STORAGE;
}

#define OBJECT_ID     BENCH_OBJECT_ID
#define OBJECT_ID_LEN (sizeof(BENCH_OBJECT_ID) - 1)

static TEE_Result store_write(TEE_Param params[4])
{
	const uint32_t flags = TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_ACCESS_WRITE |
			       TEE_DATA_FLAG_ACCESS_WRITE_META | TEE_DATA_FLAG_OVERWRITE;
	size_t len = params[1].memref.size;
	TEE_ObjectHandle obj;
	TEE_Result res;
	void *buf;

	buf = TEE_Malloc(len ? len : 1, TEE_MALLOC_FILL_ZERO);
	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	TEE_MemMove(buf, params[1].memref.buffer, len);
	res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, OBJECT_ID, OBJECT_ID_LEN, flags,
					 TEE_HANDLE_NULL, NULL, 0, &obj);
	if (res == TEE_SUCCESS) {
		res = TEE_WriteObjectData(obj, buf, len);
		TEE_CloseObject(obj);
	}
	TEE_Free(buf);
	return res;
}

static TEE_Result store_read(TEE_Param params[4])
{
	size_t len = params[1].memref.size;
	bench_len_t count = 0;
	TEE_ObjectHandle obj;
	TEE_Result res;
	void *buf;

	buf = TEE_Malloc(len ? len : 1, TEE_MALLOC_FILL_ZERO);
	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, OBJECT_ID, OBJECT_ID_LEN,
				       TEE_DATA_FLAG_ACCESS_READ, &obj);
	if (res == TEE_SUCCESS) {
		res = TEE_ReadObjectData(obj, buf, len, &count);
		TEE_CloseObject(obj);
	}
	if (res == TEE_SUCCESS)
		TEE_MemMove(params[1].memref.buffer, buf, count);
	TEE_Free(buf);
	params[0].value.a = count;
	params[0].value.b = 0;
	return res;
}

static TEE_Result store_delete(void)
{
	TEE_ObjectHandle obj;
	TEE_Result res;

	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, OBJECT_ID, OBJECT_ID_LEN,
				       TEE_DATA_FLAG_ACCESS_WRITE_META, &obj);
	if (res != TEE_SUCCESS)
		return res;
	return TEE_CloseAndDeletePersistentObject1(obj);
}

TEE_Result bench_store(uint32_t command, uint32_t types, TEE_Param params[4])
{
	switch (command) {
	case BENCH_CMD_STORE_WRITE:
		if (types != PARAMS(NONE, MEMREF_INPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return store_write(params);
	case BENCH_CMD_STORE_READ:
		if (types != PARAMS(VALUE_OUTPUT, MEMREF_OUTPUT, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return store_read(params);
	default:
		if (types != PARAMS(NONE, NONE, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		return store_delete();
	}
}

#else /* no trusted storage in the dev kit */

uint32_t bench_store_features(void)
{
	return 0;
}

TEE_Result bench_store(uint32_t command, uint32_t types, TEE_Param params[4])
{
	return TEE_ERROR_NOT_SUPPORTED;
}

#endif
