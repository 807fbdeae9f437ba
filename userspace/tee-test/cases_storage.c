// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted storage (docs/storage.md) through the storage test TAs (ta/rampart_storage and its
 * twin under another UUID), and from the attacker's side: tee-test runs as root in the normal
 * world and changes the files tee-supplicant keeps under STORE_DIR between the TA's calls.
 *
 *   storage-basic      the GP semantics inside the TA, each call from here, panics (object
 *                      IDs in this client's shared memory among them), a key object
 *                      reopened in another session, the time of a 4 KiB object
 *   storage-isolation  one TA never reaches another's objects; no plaintext in the files
 *   storage-tamper     a flipped bit, a cut file, two files swapped, a file of another TA,
 *                      an old copy of an object and of the index: CORRUPT_OBJECT, never the
 *                      data, and every other object still readable
 *   storage-sequences  grow, shrink, truncate, rename, delete in every order, each version
 *                      read back whole, and no file left behind
 */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rampart_storage_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"
#include "storage_files.h"

#define TEE_ERROR_CORRUPT_OBJECT  0xF0100001
#define TEE_ERROR_ACCESS_CONFLICT 0xFFFF0003
#define TEE_DATA_FLAG_ALL	  0x7 /* ACCESS_READ | ACCESS_WRITE | ACCESS_WRITE_META */
#define TEE_DATA_FLAG_OVERWRITE	  0x400
#define MAX_FILES		  64

static const char *const panic_names[STORAGE_PANICS] = {
    [STORAGE_PANIC_ID_TOO_LONG] = "object ID over TEE_OBJECT_ID_MAX_LEN",
    [STORAGE_PANIC_READ_NO_ACCESS] = "read without ACCESS_READ",
    [STORAGE_PANIC_WRITE_NO_ACCESS] = "write without ACCESS_WRITE",
    [STORAGE_PANIC_RENAME_NO_META] = "rename without ACCESS_WRITE_META",
    [STORAGE_PANIC_BAD_HANDLE] = "a forged object handle",
    [STORAGE_PANIC_TIME_MILLIS] = "a persistent time of 1000 milliseconds"};

/* One command: id (p0), data in or out (p1), value (p2). *out_len: in the room, out the size. */
static TEEC_Result cmd(TEEC_Session *s, uint32_t c, const char *id, const void *in, size_t in_len,
		       void *out, size_t *out_len, uint32_t a, uint32_t b)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT,
					 out ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_MEMREF_TEMP_INPUT,
					 TEEC_VALUE_INOUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)id;
	op.params[0].tmpref.size = strlen(id);
	op.params[1].tmpref.buffer = out ? out : (void *)in;
	op.params[1].tmpref.size = out ? *out_len : in_len;
	op.params[2].value.a = a;
	op.params[2].value.b = b;
	res = TEEC_InvokeCommand(s, c, &op, &origin);
	if (out)
		*out_len = op.params[1].tmpref.size;
	return res;
}

static bool expect(const char *what, TEEC_Result res, TEEC_Result want)
{
	if (res == want)
		return true;
	return fail("%s: 0x%08x (%s), expected 0x%08x (%s)", what, res,
		    res_name(res) ? res_name(res) : "?", want,
		    res_name(want) ? res_name(want) : "?");
}

static bool create(TEEC_Session *s, const char *id, const void *data, size_t len)
{
	return expect(id,
		      cmd(s, STORAGE_CMD_CREATE, id, data, len, NULL, NULL,
			  TEE_DATA_FLAG_ALL | TEE_DATA_FLAG_OVERWRITE, 0),
		      TEEC_SUCCESS);
}

/* The object's data must be exactly want. */
static bool reads(TEEC_Session *s, const char *id, const void *want, size_t len)
{
	static char buf[64 * 1024];
	size_t n = sizeof(buf);
	TEEC_Result res = cmd(s, STORAGE_CMD_READ, id, NULL, 0, buf, &n, 0, 0);

	if (!expect(id, res, TEEC_SUCCESS))
		return false;
	if (n != len || memcmp(buf, want, len))
		return fail("%s: read %zu bytes, not the %zu written", id, n, len);
	return true;
}

/* The object must not open: CORRUPT_OBJECT, and no data comes out. */
static bool corrupt(TEEC_Session *s, const char *id, const char *how)
{
	char buf[256], what[160];
	size_t n = sizeof(buf);
	TEEC_Result res;

	memset(buf, 0, sizeof(buf));
	res = cmd(s, STORAGE_CMD_READ, id, NULL, 0, buf, &n, 0, 0);
	snprintf(what, sizeof(what), "%s: reading %s", how, id);
	if (!expect(what, res, TEE_ERROR_CORRUPT_OBJECT))
		return false;
	for (size_t i = 0; i < sizeof(buf); i++)
		if (buf[i])
			return fail("%s: data came out with CORRUPT_OBJECT", what);
	printf("storage-tamper: %s: CORRUPT_OBJECT\n", how);
	return true;
}

void path_of(char *out, size_t size, const char *uuid, const char *leaf)
{
	snprintf(out, size, "%s/%s/%s", STORE_DIR, uuid, leaf);
}

/* The object files ("o...") of a TA's store, sorted. */
static int obj_files(const char *uuid, char names[MAX_FILES][32])
{
	char dir[128];
	struct dirent *d;
	int n = 0;
	DIR *dp;

	snprintf(dir, sizeof(dir), "%s/%s", STORE_DIR, uuid);
	dp = opendir(dir);
	if (!dp)
		return 0;
	while ((d = readdir(dp)) && n < MAX_FILES)
		if (d->d_name[0] == 'o' && strlen(d->d_name) < 32)
			strcpy(names[n++], d->d_name);
	closedir(dp);
	qsort(names, n, 32, (int (*)(const void *, const void *))strcmp);
	return n;
}

/* The one object file that is in after and not in before (the file an operation made). */
static bool new_file(const char *uuid, char before[MAX_FILES][32], int nb, char *out)
{
	char after[MAX_FILES][32];
	int na = obj_files(uuid, after), found = 0;

	for (int i = 0; i < na; i++) {
		int old = 0;

		for (int j = 0; j < nb; j++)
			old |= !strcmp(after[i], before[j]);
		if (!old) {
			strcpy(out, after[i]);
			found++;
		}
	}
	return found == 1 ? true : fail("expected one new object file, found %d", found);
}

/* Create id and find the file it went to. */
static bool create_at(TEEC_Session *s, const char *uuid, const char *id, const void *data,
		      size_t len, char *file)
{
	char before[MAX_FILES][32];
	int nb = obj_files(uuid, before);

	return create(s, id, data, len) && new_file(uuid, before, nb, file);
}

bool read_file(const char *path, void **data, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	bool ok;

	/* Callers free *data whatever happened: a file that is not there leaves it NULL. */
	*data = NULL;
	*len = 0;
	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		return fail("open %s failed", path);
	}
	*len = st.st_size;
	*data = malloc(*len + 1);
	ok = *data && read(fd, *data, *len) == (ssize_t)*len;
	close(fd);
	return ok ? true : fail("reading %s failed", path);
}

bool write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	bool ok = fd >= 0 && write(fd, data, len) == (ssize_t)len;

	if (fd >= 0)
		close(fd);
	return ok ? true : fail("writing %s failed", path);
}

static bool copy_file(const char *from, const char *to)
{
	void *d;
	size_t n;
	bool ok = read_file(from, &d, &n) && write_file(to, d, n);

	free(d);
	return ok;
}

bool flip_bit(const char *path, size_t off)
{
	void *d;
	size_t n;
	bool ok = read_file(path, &d, &n);

	if (ok && off < n) {
		((unsigned char *)d)[off] ^= 0x10;
		ok = write_file(path, d, n);
	} else if (ok) {
		ok = fail("%s has %zu bytes, none at %zu", path, n, off);
	}
	free(d);
	return ok;
}

/*
 * GP v1.3.1 5.7 from the client's side: the TA names an object with the very memref this client
 * passed ("cannot reside in shared memory"), and each time it must die, with nothing
 * opened, overwritten or renamed through it.
 */
static bool ids_in_shared_memory(TEEC_Context *ctx)
{
	static const char *const calls[STORAGE_SHM_CALLS] = {
	    [STORAGE_SHM_OPEN] = "TEE_OpenPersistentObject",
	    [STORAGE_SHM_CREATE] = "TEE_CreatePersistentObject",
	    [STORAGE_SHM_RENAME] = "TEE_RenamePersistentObject"};
	char buf[16], what[96];
	size_t n = sizeof(buf);
	TEEC_Session s;
	bool ok;

	if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	ok = create(&s, "shm-id", "orig", 4);
	TEEC_CloseSession(&s);
	for (uint32_t i = 0; ok && i < STORAGE_SHM_CALLS; i++) {
		/* The rename goes to an ID nothing has: it would succeed if allowed. */
		const char *id = i == STORAGE_SHM_RENAME ? "shm-new" : "shm-id";

		if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
			return false;
		snprintf(what, sizeof(what), "%s with an object ID in shared memory", calls[i]);
		ok = expect(what, cmd(&s, STORAGE_CMD_ID_IN_SHM, id, NULL, 0, NULL, NULL, i, 0),
			    TEEC_ERROR_TARGET_DEAD);
		TEEC_CloseSession(&s);
	}
	if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	ok = ok && reads(&s, "shm-id", "orig", 4) && reads(&s, "shm-src", "src", 3) &&
	     expect("the rename's target",
		    cmd(&s, STORAGE_CMD_READ, "shm-new", NULL, 0, buf, &n, 0, 0),
		    TEEC_ERROR_ITEM_NOT_FOUND);
	ok = ok &&
	     expect("cleanup", cmd(&s, STORAGE_CMD_DELETE, "shm-id", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("cleanup", cmd(&s, STORAGE_CMD_DELETE, "shm-src", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	if (ok)
		printf("storage-basic: object IDs in shared memory: %u of %u calls killed the TA\n",
		       STORAGE_SHM_CALLS, STORAGE_SHM_CALLS);
	return ok;
}

bool case_storage_basic(TEEC_Context *ctx)
{
	char list[512], k1[16], k2[16];
	size_t n = sizeof(list), n1 = 16, n2 = 16;
	TEEC_Session s, t;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	double t0, t1, t2, best_w = 0, best_r = 0;
	static char page[4096], back[4096];
	bool ok;

	if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&s, STORAGE_CMD_SELFTEST, &op, &origin);
	printf("storage-basic: self-test %u checks\n", op.params[0].value.a);
	ok = expect_res("storage self-test", res, origin, TEEC_SUCCESS);
	if (ok && op.params[0].value.a < 90)
		ok = fail("storage self-test: only %u checks ran", op.params[0].value.a);
	/* Each call from here: create, write, read, truncate, rename, list, delete. */
	ok = ok && create(&s, "b-one", "first", 5) && reads(&s, "b-one", "first", 5);
	ok = ok &&
	     expect("write at 7", cmd(&s, STORAGE_CMD_WRITE_AT, "b-one", "XY", 2, NULL, NULL, 7, 0),
		    TEEC_SUCCESS) &&
	     reads(&s, "b-one", "first\0\0XY", 9);
	ok = ok &&
	     expect("truncate", cmd(&s, STORAGE_CMD_TRUNCATE, "b-one", NULL, 0, NULL, NULL, 3, 0),
		    TEEC_SUCCESS) &&
	     reads(&s, "b-one", "fir", 3);
	ok = ok && create(&s, "b-two", "2", 1) &&
	     expect("rename onto an existing ID",
		    cmd(&s, STORAGE_CMD_RENAME, "b-one", "b-two", 5, NULL, NULL, 0, 0),
		    TEE_ERROR_ACCESS_CONFLICT) &&
	     expect("rename", cmd(&s, STORAGE_CMD_RENAME, "b-one", "b-three", 7, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("the old name", cmd(&s, STORAGE_CMD_READ, "b-one", NULL, 0, list, &n, 0, 0),
		    TEEC_ERROR_ITEM_NOT_FOUND) &&
	     reads(&s, "b-three", "fir", 3);
	n = sizeof(list);
	ok = ok &&
	     expect("list", cmd(&s, STORAGE_CMD_LIST, "", NULL, 0, list, &n, 0, 0), TEEC_SUCCESS);
	if (ok && (n >= sizeof(list) || (list[n] = 0, !strstr(list, "b-two\n")) ||
		   !strstr(list, "b-three\n")))
		ok = fail("list: b-two and b-three missing from \"%s\"", list);
	ok = ok &&
	     expect("create without OVERWRITE",
		    cmd(&s, STORAGE_CMD_CREATE, "b-two", "x", 1, NULL, NULL, TEE_DATA_FLAG_ALL, 0),
		    TEE_ERROR_ACCESS_CONFLICT);
	ok = ok &&
	     expect("delete", cmd(&s, STORAGE_CMD_DELETE, "b-two", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("delete", cmd(&s, STORAGE_CMD_DELETE, "b-three", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("deleted", cmd(&s, STORAGE_CMD_DELETE, "b-two", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_ERROR_ITEM_NOT_FOUND);
	/* A key object made in one session, used in another: the same cipher. */
	ok =
	    ok && expect("key make", cmd(&s, STORAGE_CMD_KEY_MAKE, "b-key", NULL, 0, k1, &n1, 0, 0),
			 TEEC_SUCCESS);
	if (ok && open_session(ctx, &t, &storage_ta_uuid, "OpenSession(storage TA) again")) {
		ok =
		    expect("key use", cmd(&t, STORAGE_CMD_KEY_USE, "b-key", NULL, 0, k2, &n2, 0, 0),
			   TEEC_SUCCESS);
		if (ok && memcmp(k1, k2, 16))
			ok =
			    fail("the stored key encrypts differently from the key it was made of");
		ok = ok && expect("delete key",
				  cmd(&t, STORAGE_CMD_DELETE, "b-key", NULL, 0, NULL, NULL, 0, 0),
				  TEEC_SUCCESS);
		TEEC_CloseSession(&t);
	} else {
		ok = false;
	}
	/* The figure: create and write a 4 KiB object, then open and read it back. */
	for (size_t i = 0; i < sizeof(page); i++)
		page[i] = (char)(i * 13);
	for (int rep = 0; ok && rep < 5; rep++) {
		t0 = now_ms();
		ok = create(&s, "b-4k", page, sizeof(page));
		t1 = now_ms();
		n = sizeof(back);
		ok = ok && expect("read 4 KiB",
				  cmd(&s, STORAGE_CMD_READ, "b-4k", NULL, 0, back, &n, 0, 0),
				  TEEC_SUCCESS);
		t2 = now_ms();
		if (ok && (n != sizeof(page) || memcmp(page, back, n)))
			ok = fail("4 KiB object read back differs");
		if (!rep || t1 - t0 < best_w)
			best_w = t1 - t0;
		if (!rep || t2 - t1 < best_r)
			best_r = t2 - t1;
	}
	if (ok)
		printf("storage-basic: 4 KiB object (best of 5): create+write %.2f ms, "
		       "open+read+close %.2f ms\n",
		       best_w, best_r);
	ok = ok &&
	     expect("delete 4k", cmd(&s, STORAGE_CMD_DELETE, "b-4k", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS);
	TEEC_CloseSession(&s);
	ok = ok && expect_panics(ctx, &storage_ta_uuid, STORAGE_CMD_PANIC, panic_names,
				 STORAGE_PANICS, "storage-basic");
	ok = ok && ids_in_shared_memory(ctx);
	/* The object the panicking instances left behind. */
	if (ok && open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)")) {
		ok = expect("delete st-panic",
			    cmd(&s, STORAGE_CMD_DELETE, "st-panic", NULL, 0, NULL, NULL, 0, 0),
			    TEEC_SUCCESS);
		TEEC_CloseSession(&s);
	}
	return ok;
}

/* Does any file under dir hold needle? (the attacker's grep) */
static bool any_file_has(const char *dir, const char *needle)
{
	struct dirent *d;
	bool found = false;
	DIR *dp = opendir(dir);

	if (!dp)
		return false;
	while (!found && (d = readdir(dp))) {
		char path[512];
		void *data;
		size_t n;

		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (!read_file(path, &data, &n))
			continue;
		found = memmem(data, n, needle, strlen(needle)) != NULL;
		free(data);
	}
	closedir(dp);
	return found;
}

bool case_storage_isolation(TEEC_Context *ctx)
{
	static const char secret[] = "the secret of storage TA A: 8f1c2a";
	char list[512];
	size_t n = sizeof(list);
	TEEC_Session a, b;
	bool ok;

	if (!open_session(ctx, &a, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	if (!open_session(ctx, &b, &storage_b_ta_uuid, "OpenSession(storage TA B)")) {
		TEEC_CloseSession(&a);
		return false;
	}
	ok = create(&a, "iso-shared-name", secret, sizeof(secret)) && create(&b, "iso-b", "bee", 3);
	/* B asks for A's object by its ID: nothing there. */
	ok = ok && expect("TA B opens TA A's ID",
			  cmd(&b, STORAGE_CMD_READ, "iso-shared-name", NULL, 0, list, &n, 0, 0),
			  TEEC_ERROR_ITEM_NOT_FOUND);
	n = sizeof(list);
	ok = ok && expect("TA B lists", cmd(&b, STORAGE_CMD_LIST, "", NULL, 0, list, &n, 0, 0),
			  TEEC_SUCCESS);
	if (ok && (list[n < sizeof(list) ? n : 0] = 0, strstr(list, "iso-shared-name")))
		ok = fail("TA B's enumeration shows TA A's object");
	/* B makes the same ID: its own object; A's is unchanged. */
	ok = ok && create(&b, "iso-shared-name", "B's own", 7) &&
	     reads(&a, "iso-shared-name", secret, sizeof(secret)) &&
	     reads(&b, "iso-shared-name", "B's own", 7);
	/* Each TA has its own directory, and nothing in either reads as plaintext. */
	if (ok) {
		char da[128], db[128];
		struct stat st;

		snprintf(da, sizeof(da), "%s/%s", STORE_DIR, TA_RAMPART_STORAGE_UUID_STR);
		snprintf(db, sizeof(db), "%s/%s", STORE_DIR, TA_RAMPART_STORAGE_B_UUID_STR);
		if (stat(da, &st) || stat(db, &st))
			ok = fail("no directory per TA under %s", STORE_DIR);
		else if (any_file_has(da, "secret of storage") || any_file_has(da, "iso-shared") ||
			 any_file_has(db, "iso-shared"))
			ok = fail("an object's data or ID is readable in tee-supplicant's files");
		else
			printf(
			    "storage-isolation: one directory per TA, no plaintext data or IDs\n");
	}
	ok = ok &&
	     expect("cleanup",
		    cmd(&a, STORAGE_CMD_DELETE, "iso-shared-name", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("cleanup",
		    cmd(&b, STORAGE_CMD_DELETE, "iso-shared-name", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS) &&
	     expect("cleanup", cmd(&b, STORAGE_CMD_DELETE, "iso-b", NULL, 0, NULL, NULL, 0, 0),
		    TEEC_SUCCESS);
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
	return ok;
}

/* Put an object back to a known state after a tamper test broke it (OVERWRITE reads nothing). */
static bool heal(TEEC_Session *s, const char *id, const char *data)
{
	return create(s, id, data, strlen(data)) && reads(s, id, data, strlen(data));
}

bool case_storage_tamper(TEEC_Context *ctx)
{
	const char *ua = TA_RAMPART_STORAGE_UUID_STR, *ub = TA_RAMPART_STORAGE_B_UUID_STR;
	char f1[32], f2[32], fb[32], p1[256], p2[256], pb[256], tmp[256], ix[256], ixb[256];
	void *old_data = NULL, *old_index = NULL, *index_b = NULL;
	size_t old_len = 0, old_index_len = 0, index_b_len = 0;
	TEEC_Session a, b;
	bool ok;

	if (!open_session(ctx, &a, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	if (!open_session(ctx, &b, &storage_b_ta_uuid, "OpenSession(storage TA B)")) {
		TEEC_CloseSession(&a);
		return false;
	}
	ok = create_at(&a, ua, "t-one", "one one one", 11, f1) &&
	     create_at(&a, ua, "t-two", "two two two", 11, f2) &&
	     create_at(&b, ub, "t-bee", "bee bee bee", 11, fb);
	path_of(p1, sizeof(p1), ua, f1);
	path_of(p2, sizeof(p2), ua, f2);
	path_of(pb, sizeof(pb), ub, fb);
	path_of(ix, sizeof(ix), ua, "index");
	path_of(ixb, sizeof(ixb), ub, "index");
	path_of(tmp, sizeof(tmp), ua, "saved");

	/* A bit flipped in the ciphertext, then in the header: refused; t-two still served. */
	ok = ok && flip_bit(p1, 60) && corrupt(&a, "t-one", "a bit flipped in the data") &&
	     reads(&a, "t-two", "two two two", 11) && flip_bit(p1, 60) &&
	     reads(&a, "t-one", "one one one", 11);
	ok = ok && flip_bit(p1, 9) && corrupt(&a, "t-one", "a bit flipped in the header") &&
	     flip_bit(p1, 9) && reads(&a, "t-one", "one one one", 11);
	/* The file cut short. */
	ok = ok && copy_file(p1, tmp) && truncate(p1, 60) == 0 &&
	     corrupt(&a, "t-one", "the file cut short") && reads(&a, "t-two", "two two two", 11) &&
	     copy_file(tmp, p1) && reads(&a, "t-one", "one one one", 11);
	/* Two files swapped. */
	ok = ok && rename(p1, tmp) == 0 && rename(p2, p1) == 0 && rename(tmp, p2) == 0 &&
	     corrupt(&a, "t-one", "two files swapped") &&
	     corrupt(&a, "t-two", "two files swapped") && rename(p1, tmp) == 0 &&
	     rename(p2, p1) == 0 && rename(tmp, p2) == 0 && reads(&a, "t-one", "one one one", 11) &&
	     reads(&a, "t-two", "two two two", 11);
	/* A file of TA A in TA B's object's place, and A's index in place of B's. */
	ok = ok && read_file(ixb, &index_b, &index_b_len) && copy_file(p1, pb) &&
	     corrupt(&b, "t-bee", "TA A's file in TA B's place") && heal(&b, "t-bee", "bee again");
	free(index_b);
	index_b = NULL;
	ok = ok && read_file(ixb, &index_b, &index_b_len) && copy_file(ix, ixb) &&
	     corrupt(&b, "t-bee", "TA A's index in TA B's place") &&
	     reads(&a, "t-one", "one one one", 11) && write_file(ixb, index_b, index_b_len) &&
	     reads(&b, "t-bee", "bee again", 9);
	/* An old copy of the same object, under the name its new version has. */
	if (ok) {
		char before[MAX_FILES][32], f3[32], p3[256];
		int nb = obj_files(ua, before);

		ok = read_file(p1, &old_data, &old_len) &&
		     expect("rewrite t-one",
			    cmd(&a, STORAGE_CMD_WRITE_AT, "t-one", "ONE", 3, NULL, NULL, 0, 0),
			    TEEC_SUCCESS) &&
		     new_file(ua, before, nb, f3);
		path_of(p3, sizeof(p3), ua, f3);
		if (ok && access(p1, F_OK) == 0)
			ok = fail("the old version's file is still there");
		ok = ok && copy_file(p3, tmp) && write_file(p3, old_data, old_len) &&
		     corrupt(&a, "t-one", "an old copy of the object") && copy_file(tmp, p3) &&
		     reads(&a, "t-one", "ONE one one", 11);
		/* Under its old name it is simply not used. */
		ok = ok && write_file(p1, old_data, old_len) &&
		     reads(&a, "t-one", "ONE one one", 11);
		unlink(p1);
	}
	/* An old copy of the whole index, put back while the system runs: a rollback. */
	if (ok) {
		void *new_index = NULL;
		size_t new_len = 0;

		ok = read_file(ix, &old_index, &old_index_len) && create(&a, "t-three", "3", 1) &&
		     read_file(ix, &new_index, &new_len) &&
		     write_file(ix, old_index, old_index_len) &&
		     corrupt(&a, "t-two", "an old copy of the index") &&
		     write_file(ix, new_index, new_len) && reads(&a, "t-two", "two two two", 11) &&
		     reads(&a, "t-three", "3", 1);
		free(new_index);
	}
	unlink(tmp);
	for (int i = 0; ok && i < 3; i++) {
		static const char *const ids[] = {"t-one", "t-two", "t-three"};

		ok = expect("cleanup",
			    cmd(&a, STORAGE_CMD_DELETE, ids[i], NULL, 0, NULL, NULL, 0, 0),
			    TEEC_SUCCESS);
	}
	ok =
	    ok && expect("cleanup", cmd(&b, STORAGE_CMD_DELETE, "t-bee", NULL, 0, NULL, NULL, 0, 0),
			 TEEC_SUCCESS);
	free(old_index);
	free(old_data);
	free(index_b);
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
	return ok;
}

/* A version written by the TA's rewrite loop (content() in storage_ta.c) must be whole. */
static bool version_ok(const unsigned char *b, size_t n, uint32_t *v_out)
{
	uint32_t v, len;

	if (n < 8)
		return false;
	memcpy(&v, b, 4);
	memcpy(&len, b + 4, 4);
	for (size_t k = 8; k < n && k < len; k++)
		if (b[k] != (unsigned char)(v * 31 + k * 7 + (k >> 8)))
			return false;
	*v_out = v;
	return true;
}

/*
 * The normal world refuses a commit (a directory where the new index goes): the write fails,
 * and the same handle then reads the version before it, whole; the next write goes through.
 */
static bool refused_write(TEEC_Session *s, const char *ua)
{
	static char before[64 * 1024], after[64 * 1024];
	static const char data[] = "a write the normal world refuses";
	size_t nb = sizeof(before), na = sizeof(after);
	char tmp[256];
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok;

	path_of(tmp, sizeof(tmp), ua, "index.tmp");
	ok = expect("read seq-1", cmd(s, STORAGE_CMD_READ, "seq-1", NULL, 0, before, &nb, 0, 0),
		    TEEC_SUCCESS);
	if (!ok || mkdir(tmp, 0700))
		return ok ? fail("mkdir %s failed", tmp) : false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_INPUT,
					 TEEC_VALUE_INOUT, TEEC_MEMREF_TEMP_OUTPUT);
	op.params[0].tmpref.buffer = (void *)"seq-1";
	op.params[0].tmpref.size = 5;
	op.params[1].tmpref.buffer = (void *)data;
	op.params[1].tmpref.size = sizeof(data);
	op.params[3].tmpref.buffer = after;
	op.params[3].tmpref.size = na;
	res = TEEC_InvokeCommand(s, STORAGE_CMD_WRITE_READ, &op, &origin);
	rmdir(tmp);
	na = op.params[3].tmpref.size;
	ok = expect("read back after a refused write", res, TEEC_SUCCESS);
	if (ok && op.params[2].value.b == TEEC_SUCCESS)
		ok = fail("a write whose index could not be written succeeded");
	if (ok && (na != nb || memcmp(before, after, nb)))
		ok = fail("after a refused write the object is not the version before it");
	ok = ok &&
	     expect("write once more",
		    cmd(s, STORAGE_CMD_WRITE_AT, "seq-1", data, sizeof(data), NULL, NULL, 0, 0),
		    TEEC_SUCCESS);
	na = sizeof(after);
	ok =
	    ok && expect("read seq-1", cmd(s, STORAGE_CMD_READ, "seq-1", NULL, 0, after, &na, 0, 0),
			 TEEC_SUCCESS);
	if (ok && (na < sizeof(data) || memcmp(after, data, sizeof(data))))
		ok = fail("the write after the refused one is not there");
	if (ok)
		printf("storage-sequences: a refused commit leaves the version before it, whole\n");
	return ok;
}

bool case_storage_sequences(TEEC_Context *ctx)
{
	static unsigned char buf[64 * 1024];
	const char *ua = TA_RAMPART_STORAGE_UUID_STR;
	char files[MAX_FILES][32];
	TEEC_Session s;
	uint32_t v = 0;
	size_t n;
	bool ok = true;

	if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
		return false;
	/* Four objects through every kind of step in turn, each read back after each round. */
	for (uint32_t round = 0; ok && round < 6; round++) {
		for (uint32_t o = 0; ok && o < 4; o++) {
			char id[16];

			snprintf(id, sizeof(id), "seq-%u", o);
			ok = expect(id,
				    cmd(&s, STORAGE_CMD_REWRITE, id, NULL, 0, NULL, NULL, 3 + o,
					round * 100 + o * 10),
				    TEEC_SUCCESS);
			n = sizeof(buf);
			ok = ok && expect(id, cmd(&s, STORAGE_CMD_READ, id, NULL, 0, buf, &n, 0, 0),
					  TEEC_SUCCESS);
			/* The last step of a run: a truncation (kind 3) keeps the version before
			 * it, any other kind is a whole new version. */
			uint32_t last = round * 100 + o * 10 + 2 + o;

			last -= STORAGE_REWRITE_KIND(last) == 3;

			if (ok && (!version_ok(buf, n, &v) || v != last))
				ok =
				    fail("%s: round %u read back version %u (%zu bytes), not whole "
					 "or not the last",
					 id, round, v, n);
		}
		if (ok && round % 2) {
			ok = expect(
				 "rename",
				 cmd(&s, STORAGE_CMD_RENAME, "seq-0", "seq-r", 5, NULL, NULL, 0, 0),
				 TEEC_SUCCESS) &&
			     expect(
				 "rename back",
				 cmd(&s, STORAGE_CMD_RENAME, "seq-r", "seq-0", 5, NULL, NULL, 0, 0),
				 TEEC_SUCCESS);
		}
	}
	ok = ok && refused_write(&s, ua);
	for (uint32_t o = 0; ok && o < 4; o++) {
		char id[16];

		snprintf(id, sizeof(id), "seq-%u", o);
		ok = expect("delete", cmd(&s, STORAGE_CMD_DELETE, id, NULL, 0, NULL, NULL, 0, 0),
			    TEEC_SUCCESS);
	}
	TEEC_CloseSession(&s);
	/* Every old version's file went: only the objects left by other cases remain. */
	n = (size_t)obj_files(ua, files);
	if (ok && n != 0)
		ok = fail("%zu object files left in the store after every object was deleted", n);
	if (ok)
		printf("storage-sequences: 6 rounds on 4 objects, every version whole, %zu files "
		       "left\n",
		       n);
	return ok;
}

/*
 * Power cuts (tests/qemu/baremetal.d/storage-disk.sh, guest script storage-writer.sh):
 * tee-test --storage-verify reads the 8 objects pc-0..pc-7 a boot before left, each must be one
 * whole version (never CORRUPT_OBJECT), and pc-e, empty or one whole version; tee-test
 * --storage-writer then rewrites them through every kind of change until the host kills QEMU.
 */
#define CUT_OBJECTS 8
/*
 * And pc-e, whose versions go round an empty object (TEE_CreatePersistentObject with no data:
 * an index entry and no file, docs/storage.md), a write at 0 into it (a file again), then a
 * truncation to 0 (no file again): it must be empty or one whole version, never corrupt.
 */
#define CUT_EMPTY_ID "pc-e"

/* Version v of pc-e's data, len bytes, in the TA's pattern (version_ok). */
static void cut_content(unsigned char *b, uint32_t v, uint32_t len)
{
	memcpy(b, &v, 4);
	memcpy(b + 4, &len, 4);
	for (uint32_t k = 8; k < len; k++)
		b[k] = (unsigned char)(v * 31 + k * 7 + (k >> 8));
}

/* Step ver of pc-e: 0 made empty, 1 written at 0 (2 KiB), 2 truncated to 0. */
static TEEC_Result cut_empty_step(TEEC_Session *s, uint32_t ver)
{
	static unsigned char b[2048];

	switch (ver % 3) {
	case 0:
		return cmd(s, STORAGE_CMD_CREATE, CUT_EMPTY_ID, NULL, 0, NULL, NULL,
			   TEE_DATA_FLAG_ALL | TEE_DATA_FLAG_OVERWRITE, 0);
	case 1:
		cut_content(b, ver, sizeof(b));
		return cmd(s, STORAGE_CMD_WRITE_AT, CUT_EMPTY_ID, b, sizeof(b), NULL, NULL, 0, 0);
	default:
		return cmd(s, STORAGE_CMD_TRUNCATE, CUT_EMPTY_ID, NULL, 0, NULL, NULL, 0, 0);
	}
}

int storage_power_cut(TEEC_Context *ctx, bool write)
{
	static unsigned char buf[64 * 1024];
	unsigned int found = 0, bad = 0;
	uint32_t top = 0, v = 0;
	TEEC_Session s;
	TEEC_Result res;

	if (!open_session(ctx, &s, &storage_ta_uuid, "OpenSession(storage TA)"))
		return 1;
	storage_time_reboot(&s);
	for (uint32_t o = 0; o < CUT_OBJECTS; o++) {
		char id[16];
		size_t n = sizeof(buf);

		snprintf(id, sizeof(id), "pc-%u", o);
		res = cmd(&s, STORAGE_CMD_READ, id, NULL, 0, buf, &n, 0, 0);
		if (res == TEEC_ERROR_ITEM_NOT_FOUND)
			continue;
		found++;
		if (res != TEEC_SUCCESS || !version_ok(buf, n, &v) || v % CUT_OBJECTS != o) {
			printf("storage-writer: %s: 0x%08x, %zu bytes, not a whole version\n", id,
			       res, n);
			bad++;
			continue;
		}
		if (v > top)
			top = v;
	}
	if (found) {
		size_t n = sizeof(buf);

		res = cmd(&s, STORAGE_CMD_READ, CUT_EMPTY_ID, NULL, 0, buf, &n, 0, 0);
		if (res != TEEC_SUCCESS || (n && !version_ok(buf, n, &v))) {
			printf("storage-writer: %s: 0x%08x, %zu bytes, neither empty nor a whole "
			       "version\n",
			       CUT_EMPTY_ID, res, n);
			bad++;
		} else {
			printf("storage-writer: %s: %s\n", CUT_EMPTY_ID,
			       n ? "a whole version" : "empty");
		}
	}
	if (!found) {
		printf("storage-writer: nothing stored yet\n");
	} else {
		printf("storage-writer: %u objects found, newest version %u\n", found, top);
		if (bad || found != CUT_OBJECTS)
			printf(
			    "rampart-check: storage-cut-intact: FAILED %u of %u objects not whole, "
			    "%u missing\n",
			    bad, found, CUT_OBJECTS - found);
		else
			printf("rampart-check: storage-cut-intact: ok\n");
	}
	if (!write) {
		TEEC_CloseSession(&s);
		return bad ? 1 : 0;
	}
	/* Versions go on from the newest found; object o takes the versions v = o mod 8. */
	top = (top / CUT_OBJECTS + 1) * CUT_OBJECTS;
	/* Every object made first (a version of kind create), so that all 8 exist from now on. */
	for (uint32_t o = 0; found < CUT_OBJECTS && o < CUT_OBJECTS; o++) {
		char id[16];

		snprintf(id, sizeof(id), "pc-%u", o);
		res = TEEC_ERROR_GENERIC;
		for (uint32_t ver = top + o; res != TEEC_SUCCESS && ver < top + 64;
		     ver += CUT_OBJECTS)
			if (STORAGE_REWRITE_KIND(ver) == 0)
				res = cmd(&s, STORAGE_CMD_REWRITE, id, NULL, 0, NULL, NULL, 1, ver);
		if (res != TEEC_SUCCESS) {
			printf("storage-writer: %s could not be made: 0x%08x\n", id, res);
			TEEC_CloseSession(&s);
			return 1;
		}
	}
	/* pc-e once round its three steps, each read back, before the cuts may come. */
	for (uint32_t step = 0; step < 3; step++) {
		size_t n = sizeof(buf);

		res = cut_empty_step(&s, step);
		if (res == TEEC_SUCCESS)
			res = cmd(&s, STORAGE_CMD_READ, CUT_EMPTY_ID, NULL, 0, buf, &n, 0, 0);
		if (res != TEEC_SUCCESS || (step == 1) != (n != 0) ||
		    (n && (!version_ok(buf, n, &v) || v != 1 || n != 2048))) {
			printf("storage-writer: %s step %u read back wrong: 0x%08x, %zu bytes\n",
			       CUT_EMPTY_ID, step, res, n);
			TEEC_CloseSession(&s);
			return 1;
		}
	}
	printf("storage-writer: %s made empty, written, truncated to 0: each read back right\n",
	       CUT_EMPTY_ID);
	top += 64;
	printf("storage-writer: writing from %u\n", top);
	for (uint32_t step = 0; step < 4000; step++) {
		uint32_t o = step % CUT_OBJECTS, ver = top + step;
		char id[16];

		snprintf(id, sizeof(id), "pc-%u", o);
		res = cmd(&s, STORAGE_CMD_REWRITE, id, NULL, 0, NULL, NULL, 1, ver);
		if (res != TEEC_SUCCESS) {
			printf("storage-writer: %s version %u: 0x%08x\n", id, ver, res);
			break;
		}
		/* After every version of the 8, a step of pc-e's, so that cuts land in both. */
		res = cut_empty_step(&s, ver);
		if (res != TEEC_SUCCESS) {
			printf("storage-writer: %s step %u: 0x%08x\n", CUT_EMPTY_ID, ver, res);
			break;
		}
	}
	TEEC_CloseSession(&s);
	return 0;
}
