// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trusted-storage test TA (ta/include/rampart_storage_ta.h): each GP storage call on its
 * own for tee-test (which tampers with the files in between), a self-test of the GP semantics
 * inside the TA, persistent key objects, the calls that must panic, a rewrite loop for power
 * cuts, and the TA persistent time (GP 7.2.4, 7.2.5).
 */
#include <rampart_storage_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <trace.h>

#define RW    (TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_ACCESS_WRITE)
#define ALL   (RW | TEE_DATA_FLAG_ACCESS_WRITE_META)
#define SHARE (TEE_DATA_FLAG_SHARE_READ | TEE_DATA_FLAG_SHARE_WRITE)
#define BIG   (100 * 1024) /* crosses the trusted OS's 60 KiB transfer chunks */

static uint32_t checks, failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		checks++;                                                                          \
		if (!(cond)) {                                                                     \
			EMSG("check failed at line %d: %s", __LINE__, #cond);                      \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static TEE_Result open_obj(const char *id, uint32_t flags, TEE_ObjectHandle *h)
{
	return TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, strlen(id), flags, h);
}

static TEE_Result create_obj(const char *id, uint32_t flags, const void *data, size_t len,
			     TEE_ObjectHandle *h)
{
	return TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id, strlen(id), flags,
					  TEE_HANDLE_NULL, data, len, h);
}

/* The whole data of an open object, from position 0, compared with want. */
static int data_is(TEE_ObjectHandle h, const void *want, size_t len)
{
	static uint8_t buf[BIG + 16];
	size_t n = 0;

	if (TEE_SeekObjectData(h, 0, TEE_DATA_SEEK_SET) != TEE_SUCCESS ||
	    TEE_ReadObjectData(h, buf, sizeof(buf), &n) != TEE_SUCCESS)
		return 0;
	return n == len && !memcmp(buf, want, len);
}

static void delete_id(const char *id)
{
	TEE_ObjectHandle h;

	if (open_obj(id, TEE_DATA_FLAG_ACCESS_WRITE_META, &h) == TEE_SUCCESS)
		CHECK(TEE_CloseAndDeletePersistentObject1(h) == TEE_SUCCESS);
}

/* Create, overwrite and the sharing rules of GP 5.7.1 and 5.7.2. */
static void test_flags(void)
{
	TEE_ObjectHandle a, b, c;
	TEE_ObjectInfo info;

	CHECK(create_obj("st-a", ALL, "hello", 5, &a) == TEE_SUCCESS);
	CHECK(TEE_GetObjectInfo1(a, &info) == TEE_SUCCESS);
	CHECK(info.objectType == TEE_TYPE_DATA && info.dataSize == 5 && info.dataPosition == 0);
	CHECK(info.handleFlags == (TEE_HANDLE_FLAG_PERSISTENT | TEE_HANDLE_FLAG_INITIALIZED | ALL));
	/* Open, with or without OVERWRITE: never replaced under a handle. */
	CHECK(create_obj("st-a", ALL | TEE_DATA_FLAG_OVERWRITE, "x", 1, &b) ==
	      TEE_ERROR_ACCESS_CONFLICT);
	CHECK(b == TEE_HANDLE_NULL);
	TEE_CloseObject(a);
	CHECK(create_obj("st-a", ALL, "x", 1, &b) == TEE_ERROR_ACCESS_CONFLICT);
	CHECK(create_obj("st-a", ALL | TEE_DATA_FLAG_OVERWRITE, "HELLO", 5, NULL) == TEE_SUCCESS);
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_READ, &a) == TEE_SUCCESS);
	CHECK(data_is(a, "HELLO", 5));
	/* A reader that does not share reading keeps every other handle out. */
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_SHARE_READ, &b) ==
	      TEE_ERROR_ACCESS_CONFLICT);
	TEE_CloseObject(a);
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_SHARE_READ, &a) ==
	      TEE_SUCCESS);
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_SHARE_READ, &b) ==
	      TEE_SUCCESS);
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_WRITE | SHARE, &c) ==
	      TEE_ERROR_ACCESS_CONFLICT); /* they do not share writing */
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_READ, &c) == TEE_ERROR_ACCESS_CONFLICT);
	CHECK(open_obj("st-a", TEE_DATA_FLAG_ACCESS_WRITE_META | SHARE, &c) ==
	      TEE_ERROR_ACCESS_CONFLICT); /* WRITE_META is exclusive */
	TEE_CloseObject(a);
	TEE_CloseObject(b);
	/* Two handles sharing both: one object, two positions. */
	CHECK(open_obj("st-a", RW | SHARE, &a) == TEE_SUCCESS);
	CHECK(open_obj("st-a", RW | SHARE, &b) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(a, "J", 1) == TEE_SUCCESS);
	CHECK(TEE_GetObjectInfo1(a, &info) == TEE_SUCCESS && info.dataPosition == 1);
	CHECK(TEE_GetObjectInfo1(b, &info) == TEE_SUCCESS && info.dataPosition == 0);
	CHECK(data_is(b, "JELLO", 5));
	TEE_CloseObject(a);
	TEE_CloseObject(b);
	/* Missing objects and other storages. */
	CHECK(open_obj("st-none", RW, &a) == TEE_ERROR_ITEM_NOT_FOUND && a == TEE_HANDLE_NULL);
	CHECK(TEE_OpenPersistentObject(TEE_STORAGE_PERSO, "st-a", 4, RW, &a) ==
	      TEE_ERROR_ITEM_NOT_FOUND);
	CHECK(TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE_REE, "st-a", 4, RW, &a) == TEE_SUCCESS);
	TEE_CloseObject(a);
	delete_id("st-a");
	CHECK(open_obj("st-a", RW, &a) == TEE_ERROR_ITEM_NOT_FOUND);
}

/* The data stream: positions, sparse writes, truncation, limits (GP 5.9). */
static void test_stream(void)
{
	static uint8_t big[BIG], want[BIG];
	TEE_ObjectHandle h;
	TEE_ObjectInfo info;
	size_t n = 99;
	uint8_t buf[32];

	CHECK(create_obj("st-s", ALL, "abcde", 5, &h) == TEE_SUCCESS);
	CHECK(TEE_SeekObjectData(h, 10, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(h, "xy", 2) == TEE_SUCCESS);
	CHECK(data_is(h, "abcde\0\0\0\0\0xy", 12)); /* the gap reads as zeros */
	CHECK(TEE_SeekObjectData(h, -2, TEE_DATA_SEEK_END) == TEE_SUCCESS);
	CHECK(TEE_ReadObjectData(h, buf, sizeof(buf), &n) == TEE_SUCCESS && n == 2);
	CHECK(TEE_ReadObjectData(h, buf, sizeof(buf), &n) == TEE_SUCCESS && n == 0);
	CHECK(TEE_SeekObjectData(h, 100, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_ReadObjectData(h, buf, sizeof(buf), &n) == TEE_SUCCESS && n == 0);
	CHECK(TEE_GetObjectInfo1(h, &info) == TEE_SUCCESS && info.dataSize == 12 &&
	      info.dataPosition == 100);
	CHECK(TEE_SeekObjectData(h, -101, TEE_DATA_SEEK_CUR) == TEE_ERROR_BAD_PARAMETERS);
	CHECK(TEE_SeekObjectData(h, (intmax_t)TEE_DATA_MAX_POSITION + 1, TEE_DATA_SEEK_SET) ==
	      TEE_ERROR_OVERFLOW);
	CHECK(TEE_SeekObjectData(h, TEE_DATA_MAX_POSITION - 1, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(h, "zz", 2) == TEE_ERROR_OVERFLOW);
	/* Truncation keeps the position; growing adds zeros. */
	CHECK(TEE_SeekObjectData(h, 1, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_TruncateObjectData(h, 3) == TEE_SUCCESS);
	CHECK(TEE_GetObjectInfo1(h, &info) == TEE_SUCCESS && info.dataSize == 3 &&
	      info.dataPosition == 1);
	CHECK(TEE_TruncateObjectData(h, 6) == TEE_SUCCESS);
	CHECK(data_is(h, "abc\0\0\0", 6));
	/* Grow past a transfer chunk, shrink, grow again: each version whole. */
	for (size_t i = 0; i < BIG; i++)
		big[i] = (uint8_t)(i * 7 + 3);
	CHECK(TEE_SeekObjectData(h, 0, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(h, big, BIG) == TEE_SUCCESS);
	CHECK(data_is(h, big, BIG));
	CHECK(TEE_SeekObjectData(h, 0, TEE_DATA_SEEK_SET) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(h, "12345678", 8) == TEE_SUCCESS);
	CHECK(TEE_TruncateObjectData(h, 8 * 1024) == TEE_SUCCESS); /* 12 KiB -> 8 KiB in place */
	memcpy(want, big, BIG);
	memcpy(want, "12345678", 8);
	CHECK(data_is(h, want, 8 * 1024));
	TEE_CloseObject(h);
	CHECK(open_obj("st-s", TEE_DATA_FLAG_ACCESS_READ, &h) == TEE_SUCCESS);
	CHECK(data_is(h, want, 8 * 1024));
	TEE_CloseObject(h);
	/* An empty object. */
	CHECK(create_obj("st-s", ALL | TEE_DATA_FLAG_OVERWRITE, NULL, 0, &h) == TEE_SUCCESS);
	CHECK(TEE_ReadObjectData(h, buf, sizeof(buf), &n) == TEE_SUCCESS && n == 0);
	CHECK(TEE_CloseAndDeletePersistentObject1(h) == TEE_SUCCESS);
}

/* Rename (GP 5.7.5), IDs of TEE_OBJECT_ID_MAX_LEN, enumerators (GP 5.8). */
static void test_names(void)
{
	char id64[TEE_OBJECT_ID_MAX_LEN], got[TEE_OBJECT_ID_MAX_LEN];
	TEE_ObjectEnumHandle e;
	TEE_ObjectHandle a, b;
	TEE_ObjectInfo info;
	int seen_b = 0, seen_c = 0, seen_64 = 0, total = 0;
	size_t len;

	memset(id64, 'L', sizeof(id64));
	CHECK(create_obj("st-a", ALL, "AAAA", 4, &a) == TEE_SUCCESS);
	CHECK(create_obj("st-c", ALL, "C", 1, NULL) == TEE_SUCCESS);
	CHECK(TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id64, sizeof(id64), ALL,
					 TEE_HANDLE_NULL, "64", 2, NULL) == TEE_SUCCESS);
	CHECK(TEE_RenamePersistentObject(a, "st-c", 4) == TEE_ERROR_ACCESS_CONFLICT);
	CHECK(TEE_RenamePersistentObject(a, "st-b", 4) == TEE_SUCCESS);
	CHECK(TEE_WriteObjectData(a, "B", 1) == TEE_SUCCESS); /* still the same object */
	TEE_CloseObject(a);
	CHECK(open_obj("st-a", RW, &b) == TEE_ERROR_ITEM_NOT_FOUND);
	CHECK(open_obj("st-b", RW, &b) == TEE_SUCCESS && data_is(b, "BAAA", 4));
	TEE_CloseObject(b);

	CHECK(TEE_AllocatePersistentObjectEnumerator(&e) == TEE_SUCCESS);
	CHECK(TEE_GetNextPersistentObject(e, &info, got, &len) == TEE_ERROR_ITEM_NOT_FOUND);
	CHECK(TEE_StartPersistentObjectEnumerator(e, TEE_STORAGE_PERSO) ==
	      TEE_ERROR_ITEM_NOT_FOUND);
	for (int round = 0; round < 2; round++) {
		CHECK(TEE_StartPersistentObjectEnumerator(e, TEE_STORAGE_PRIVATE) == TEE_SUCCESS);
		seen_b = seen_c = seen_64 = 0;
		while (TEE_GetNextPersistentObject(e, &info, got, &len) == TEE_SUCCESS) {
			total++;
			if (len == 4 && !memcmp(got, "st-b", 4))
				seen_b += info.dataSize == 4 && info.objectType == TEE_TYPE_DATA;
			if (len == 4 && !memcmp(got, "st-c", 4))
				seen_c += info.dataSize == 1;
			if (len == sizeof(id64) && !memcmp(got, id64, len))
				seen_64 += info.dataSize == 2;
		}
		CHECK(seen_b == 1 && seen_c == 1 && seen_64 == 1);
		TEE_ResetPersistentObjectEnumerator(e);
		CHECK(TEE_GetNextPersistentObject(e, NULL, got, &len) == TEE_ERROR_ITEM_NOT_FOUND);
	}
	TEE_FreePersistentObjectEnumerator(e);
	delete_id("st-b");
	delete_id("st-c");
	CHECK(TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id64, sizeof(id64),
				       TEE_DATA_FLAG_ACCESS_WRITE_META, &a) == TEE_SUCCESS);
	CHECK(TEE_CloseAndDeletePersistentObject1(a) == TEE_SUCCESS);
}

/* AES-ECB of 16 zero bytes under key into out. */
static TEE_Result encrypt_zero(TEE_ObjectHandle key, uint32_t bits, uint8_t out[16])
{
	static const uint8_t zero[16];
	TEE_OperationHandle op;
	size_t len = 16;
	TEE_Result res;

	res = TEE_AllocateOperation(&op, TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, bits);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_SetOperationKey(op, key);
	if (res == TEE_SUCCESS) {
		TEE_CipherInit(op, NULL, 0);
		res = TEE_CipherDoFinal(op, zero, 16, out, &len);
	}
	TEE_FreeOperation(op);
	return res;
}

/* A persistent key object: attributes, type and size kept; usable as a key. */
static void test_key(void)
{
	uint8_t a[32], b[32], ca[16], cb[16];
	TEE_ObjectHandle t, p;
	TEE_ObjectInfo info;
	size_t la = sizeof(a), lb = sizeof(b);

	CHECK(TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &t) == TEE_SUCCESS);
	CHECK(TEE_GenerateKey(t, 256, NULL, 0) == TEE_SUCCESS);
	CHECK(TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, "st-key", 6, ALL, t, "meta", 4,
					 NULL) == TEE_SUCCESS);
	CHECK(open_obj("st-key", TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_ACCESS_WRITE_META, &p) ==
	      TEE_SUCCESS);
	CHECK(TEE_GetObjectInfo1(p, &info) == TEE_SUCCESS);
	CHECK(info.objectType == TEE_TYPE_AES && info.objectSize == 256 &&
	      info.maxObjectSize == 256 && info.dataSize == 4);
	CHECK(data_is(p, "meta", 4));
	CHECK(TEE_GetObjectBufferAttribute(t, TEE_ATTR_SECRET_VALUE, a, &la) == TEE_SUCCESS);
	CHECK(TEE_GetObjectBufferAttribute(p, TEE_ATTR_SECRET_VALUE, b, &lb) == TEE_SUCCESS);
	CHECK(la == 32 && lb == 32 && !memcmp(a, b, 32));
	CHECK(encrypt_zero(t, 256, ca) == TEE_SUCCESS && encrypt_zero(p, 256, cb) == TEE_SUCCESS);
	CHECK(!memcmp(ca, cb, 16));
	CHECK(TEE_CloseAndDeletePersistentObject1(p) == TEE_SUCCESS);
	TEE_FreeTransientObject(t);
}

static TEE_Result selftest(TEE_Param p[4])
{
	checks = failures = 0;
	test_flags();
	test_stream();
	test_names();
	test_key();
	p[0].value.a = checks;
	return failures ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}

static void panic_cmd(uint32_t what)
{
	char id[TEE_OBJECT_ID_MAX_LEN + 1];
	TEE_ObjectHandle h;
	uint8_t buf[4];
	size_t n;

	memset(id, 'p', sizeof(id));
	if (what == STORAGE_PANIC_ID_TOO_LONG) {
		TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, sizeof(id), RW, &h);
		return;
	}
	if (what == STORAGE_PANIC_BAD_HANDLE) {
		TEE_ReadObjectData((TEE_ObjectHandle)(uintptr_t)0x7fff, buf, 4, &n);
		return;
	}
	if (what == STORAGE_PANIC_TIME_MILLIS) {
		TEE_Time t = {.seconds = 1, .millis = 1000};

		TEE_SetTAPersistentTime(&t);
		return;
	}
	if (create_obj("st-panic", ALL | TEE_DATA_FLAG_OVERWRITE, "p", 1, NULL) != TEE_SUCCESS)
		return;
	switch (what) {
	case STORAGE_PANIC_READ_NO_ACCESS:
		if (open_obj("st-panic", TEE_DATA_FLAG_ACCESS_WRITE, &h) == TEE_SUCCESS)
			TEE_ReadObjectData(h, buf, 4, &n);
		break;
	case STORAGE_PANIC_WRITE_NO_ACCESS:
		if (open_obj("st-panic", TEE_DATA_FLAG_ACCESS_READ, &h) == TEE_SUCCESS)
			TEE_WriteObjectData(h, buf, 4);
		break;
	case STORAGE_PANIC_RENAME_NO_META:
		if (open_obj("st-panic", RW, &h) == TEE_SUCCESS)
			TEE_RenamePersistentObject(h, "st-other", 8);
		break;
	}
}

/* A content of version v and length len (at least 8): v, len, then bytes only v and k give. */
static void content(uint8_t *b, uint32_t v, uint32_t len)
{
	memcpy(b, &v, 4);
	memcpy(b + 4, &len, 4);
	for (uint32_t k = 8; k < len; k++)
		b[k] = (uint8_t)(v * 31 + k * 7 + (k >> 8));
}

/*
 * Rewrite the object n times through every kind of change, each GP call a whole step; the kind
 * is chosen by the version v (base + i), STORAGE_REWRITE_KIND(v), so that runs of consecutive
 * versions and of every 8th version both mix them: 0 create with OVERWRITE; 1 grow or rewrite
 * by a write at 0; 2 the same, then a truncation to the new length (12 KiB to 8 KiB in place,
 * as it happens); 3 a truncation only, to three quarters (a prefix of the version before).
 * Lengths go round 1 KiB to 20 KiB.
 */
static TEE_Result rewrite(const char *id, size_t id_len, uint32_t n, uint32_t base)
{
	static uint8_t b[20 * 1024];
	TEE_ObjectHandle h;
	TEE_Result res = TEE_SUCCESS;

	for (uint32_t i = 0; i < n && res == TEE_SUCCESS; i++) {
		uint32_t v = base + i, len = 1024 + (v * 4099) % (19 * 1024);

		content(b, v, len);
		if (STORAGE_REWRITE_KIND(v) == 0) {
			res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id, id_len,
							 ALL | TEE_DATA_FLAG_OVERWRITE,
							 TEE_HANDLE_NULL, b, len, NULL);
			continue;
		}
		res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, id_len, RW, &h);
		if (res == TEE_ERROR_ITEM_NOT_FOUND)
			res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id, id_len, ALL,
							 TEE_HANDLE_NULL, b, len, &h);
		if (res != TEE_SUCCESS)
			break;
		if (STORAGE_REWRITE_KIND(v) == 3) {
			TEE_ObjectInfo info;

			res = TEE_GetObjectInfo1(h, &info);
			if (res == TEE_SUCCESS)
				res = TEE_TruncateObjectData(h, info.dataSize * 3 / 4);
		} else {
			res = TEE_WriteObjectData(h, b, len);
			if (res == TEE_SUCCESS && STORAGE_REWRITE_KIND(v) == 2)
				res = TEE_TruncateObjectData(h, len);
		}
		TEE_CloseObject(h);
	}
	return res;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **ctx)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *ctx)
{
}

static TEE_Result list(TEE_Param p[4])
{
	char *out = p[1].memref.buffer, id[TEE_OBJECT_ID_MAX_LEN];
	size_t room = p[1].memref.size, used = 0, len;
	TEE_ObjectEnumHandle e;
	TEE_Result res;
	uint32_t count = 0;

	res = TEE_AllocatePersistentObjectEnumerator(&e);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_StartPersistentObjectEnumerator(e, TEE_STORAGE_PRIVATE);
	while (res == TEE_SUCCESS &&
	       (res = TEE_GetNextPersistentObject(e, NULL, id, &len)) == TEE_SUCCESS) {
		if (used + len + 1 <= room && out) {
			memcpy(out + used, id, len);
			out[used + len] = '\n';
		}
		used += len + 1;
		count++;
	}
	TEE_FreePersistentObjectEnumerator(e);
	if (res != TEE_ERROR_ITEM_NOT_FOUND)
		return res;
	p[1].memref.size = used;
	p[2].value.a = count;
	return used > room ? TEE_ERROR_SHORT_BUFFER : TEE_SUCCESS;
}

static TEE_Result key_cmd(uint32_t cmd, const char *id, size_t id_len, TEE_Param p[4])
{
	TEE_ObjectHandle t, h;
	TEE_Result res;

	if (p[1].memref.size < 16)
		return TEE_ERROR_SHORT_BUFFER;
	p[1].memref.size = 16;
	if (cmd == STORAGE_CMD_KEY_USE) {
		res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, id_len,
					       TEE_DATA_FLAG_ACCESS_READ, &h);
		if (res != TEE_SUCCESS)
			return res;
		res = encrypt_zero(h, 128, p[1].memref.buffer);
		TEE_CloseObject(h);
		return res;
	}
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &t);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GenerateKey(t, 128, NULL, 0);
	if (res == TEE_SUCCESS)
		res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id, id_len,
						 ALL | TEE_DATA_FLAG_OVERWRITE, t, NULL, 0, NULL);
	if (res == TEE_SUCCESS)
		res = encrypt_zero(t, 128, p[1].memref.buffer);
	TEE_FreeTransientObject(t);
	return res;
}

/*
 * An ID from a memref into the TA's own memory: GP v1.3.1 5.7 forbids naming an object with
 * shared memory, which the client could change between the TA's look at it and the call.
 */
static TEE_Result id_copy(uint32_t type, const TEE_Param *p, char id[TEE_OBJECT_ID_MAX_LEN],
			  size_t *len)
{
	if (type != TEE_PARAM_TYPE_MEMREF_INPUT || p->memref.size > TEE_OBJECT_ID_MAX_LEN)
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_MemMove(id, p->memref.buffer, p->memref.size);
	*len = p->memref.size;
	return TEE_SUCCESS;
}

/* Name an object with the client's memory itself: the trusted OS must kill the TA. */
static void id_in_shm(uint32_t what, const void *shm_id, size_t len)
{
	TEE_ObjectHandle h;

	switch (what) {
	case STORAGE_SHM_OPEN:
		TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, shm_id, len, RW, &h);
		break;
	case STORAGE_SHM_CREATE:
		TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, shm_id, len,
					   ALL | TEE_DATA_FLAG_OVERWRITE, TEE_HANDLE_NULL, "shm", 3,
					   NULL);
		break;
	case STORAGE_SHM_RENAME:
		if (create_obj("shm-src", ALL | TEE_DATA_FLAG_OVERWRITE, "src", 3, &h) ==
		    TEE_SUCCESS)
			TEE_RenamePersistentObject(h, shm_id, len);
		break;
	}
}

TEE_Result TA_InvokeCommandEntryPoint(void *ctx, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	char id[TEE_OBJECT_ID_MAX_LEN], new_id[TEE_OBJECT_ID_MAX_LEN];
	size_t id_len = 0, new_len = 0;
	TEE_ObjectHandle h;
	TEE_Result res;
	size_t n;

	switch (cmd) {
	case STORAGE_CMD_SELFTEST:
		return selftest(p);
	case STORAGE_CMD_PANIC:
		panic_cmd(p[0].value.a);
		return TEE_ERROR_GENERIC; /* still alive: the test fails */
	case STORAGE_CMD_LIST:
		return list(p);
	case STORAGE_CMD_ID_IN_SHM:
		id_in_shm(p[2].value.a, p[0].memref.buffer, p[0].memref.size);
		return TEE_ERROR_GENERIC; /* still alive: the test fails */
	case STORAGE_CMD_TIME_GET: {
		TEE_Time t = {.seconds = 0xdead, .millis = 0xbeef}; /* must be overwritten */
		TEE_Time sys;

		p[1].value.a = TEE_GetTAPersistentTime(&t);
		TEE_GetSystemTime(&sys);
		p[0].value.a = t.seconds;
		p[0].value.b = t.millis;
		p[1].value.b = sys.seconds * 1000 + sys.millis;
		return TEE_SUCCESS;
	}
	case STORAGE_CMD_TIME_SET: {
		TEE_Time t = {.seconds = p[0].value.a, .millis = p[0].value.b};

		return TEE_SetTAPersistentTime(&t);
	}
	default:
		break;
	}
	/* Every other command names an object by p0. */
	res = id_copy(TEE_PARAM_TYPE_GET(types, 0), &p[0], id, &id_len);
	if (res != TEE_SUCCESS)
		return res;
	switch (cmd) {
	case STORAGE_CMD_KEY_MAKE:
	case STORAGE_CMD_KEY_USE:
		return key_cmd(cmd, id, id_len, p);
	case STORAGE_CMD_CREATE:
		return TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, id, id_len, p[2].value.a,
						  TEE_HANDLE_NULL, p[1].memref.buffer,
						  p[1].memref.size, NULL);
	case STORAGE_CMD_REWRITE:
		return rewrite(id, id_len, p[2].value.a, p[2].value.b);
	default:
		break;
	}
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, id, id_len, ALL, &h);
	if (res != TEE_SUCCESS)
		return res;
	switch (cmd) {
	case STORAGE_CMD_READ: {
		TEE_ObjectInfo info;

		res = TEE_GetObjectInfo1(h, &info);
		if (res == TEE_SUCCESS && info.dataSize > p[1].memref.size)
			res = TEE_ERROR_SHORT_BUFFER;
		if (res == TEE_SUCCESS)
			res = TEE_ReadObjectData(h, p[1].memref.buffer, p[1].memref.size, &n);
		p[1].memref.size = res == TEE_SUCCESS ? n : info.dataSize;
		break;
	}
	case STORAGE_CMD_WRITE_AT:
		res = TEE_SeekObjectData(h, p[2].value.a, TEE_DATA_SEEK_SET);
		if (res == TEE_SUCCESS)
			res = TEE_WriteObjectData(h, p[1].memref.buffer, p[1].memref.size);
		break;
	case STORAGE_CMD_TRUNCATE:
		res = TEE_TruncateObjectData(h, p[2].value.a);
		break;
	case STORAGE_CMD_RENAME:
		res = id_copy(TEE_PARAM_TYPE_GET(types, 1), &p[1], new_id, &new_len);
		if (res == TEE_SUCCESS)
			res = TEE_RenamePersistentObject(h, new_id, new_len);
		break;
	case STORAGE_CMD_DELETE:
		return TEE_CloseAndDeletePersistentObject1(h);
	case STORAGE_CMD_WRITE_READ:
		p[2].value.b = TEE_WriteObjectData(h, p[1].memref.buffer, p[1].memref.size);
		res = TEE_SeekObjectData(h, 0, TEE_DATA_SEEK_SET);
		if (res == TEE_SUCCESS)
			res = TEE_ReadObjectData(h, p[3].memref.buffer, p[3].memref.size, &n);
		if (res == TEE_SUCCESS)
			p[3].memref.size = n;
		break;
	default:
		res = TEE_ERROR_BAD_PARAMETERS;
		break;
	}
	TEE_CloseObject(h);
	return res;
}
