// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sealed files (see storage_file.h). A file is
 *   struct file_head (64 bytes) | AES-256-GCM ciphertext of `length` bytes
 * The associated data is the header with its tag field zero, then the TA's UUID. The
 * header goes in last, then the file is closed: a file cut short
 * anywhere (a power cut while writing) fails its tag and is never used, and since a file is
 * only ever referred to once it is whole (the index is renamed into place after it), that
 * never loses data.
 */
#include "storage_file.h"

#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "fs_rpc.h"
#include "heap.h"
#include "storage_key.h"
#include "storage_rollback.h"
#include "ta.h"

#define MAGIC_INDEX  0x58495352U /* "RSIX" */
#define MAGIC_OBJECT 0x424f5352U /* "RSOB" */
#define FORMAT	     1

struct file_head {
	uint32_t magic;
	uint32_t format;
	uint64_t file_no; /* the object file's number; 0 in the index */
	uint64_t length;  /* plaintext bytes */
	uint8_t iv[STORAGE_IV_LEN];
	uint8_t tag[STORAGE_TAG_LEN];
	uint8_t pad[12]; /* 64 bytes: the ciphertext after it stays in 16-byte GCM blocks */
};

/* Ciphertext bytes in a file's first transfer, after the header. */
#define FIRST (FS_CHUNK - sizeof(struct file_head))

/* The index's plaintext: this, then count entries. */
struct index_body {
	uint64_t version;
	uint64_t next_file_no;
	uint32_t count;
	uint32_t pad;
};

static void dir_name(char *out, const uint8_t uuid[16], const char *leaf)
{
	char u[37];

	ta_uuid_str(uuid, u);
	snprintf(out, FS_NAME_MAX, "%s/%s", u, leaf);
}

static void obj_name(char *out, const uint8_t uuid[16], uint64_t no)
{
	char leaf[24];

	snprintf(leaf, sizeof(leaf), "o%016lx", no);
	dir_name(out, uuid, leaf);
}

static void aad_of(const struct file_head *h, const uint8_t uuid[16], uint8_t aad[sizeof(*h) + 16])
{
	struct file_head z = *h;

	memset(z.tag, 0, sizeof(z.tag));
	memcpy(aad, &z, sizeof(z));
	memcpy(aad + sizeof(z), uuid, 16);
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/*
 * Seal pt (len bytes) into a new file called name. The file's first FS_CHUNK bytes (header
 * and the start of the ciphertext) are written last, in one request, once the tag is known:
 * a small file is one CREATE, one WRITE and one CLOSE.
 */
static uint32_t seal(const char *name, const uint8_t uuid[16], uint32_t magic, uint64_t no,
		     const void *pt, size_t len)
{
	struct file_head h = {.magic = magic, .format = FORMAT, .file_no = no, .length = len};
	size_t first = min_size(len, FIRST);
	uint8_t aad[sizeof(h) + 16];
	struct storage_aead a;
	uint8_t *head, *chunk = NULL;
	uint32_t fd = 0, ret;
	int opened = 0;

	if (tee_random(h.iv, sizeof(h.iv)) != TEEC_SUCCESS)
		return TEEC_ERROR_GENERIC;
	head = kmalloc(FS_CHUNK);
	if (len > first)
		chunk = kmalloc(FS_CHUNK);
	if (!head || (len > first && !chunk)) {
		kfree(head);
		kfree(chunk);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	aad_of(&h, uuid, aad);
	ret = storage_aead_start(&a, uuid, 0, h.iv, aad, sizeof(aad));
	if (!ret && storage_aead_update(&a, pt, head + sizeof(h), first))
		ret = TEEC_ERROR_GENERIC;
	if (!ret) {
		ret = fs_create(name, &fd);
		opened = !ret;
	}
	for (size_t off = first; off < len && !ret; off += FS_CHUNK) {
		size_t n = min_size(len - off, FS_CHUNK);

		if (storage_aead_update(&a, (const uint8_t *)pt + off, chunk, n))
			ret = TEEC_ERROR_GENERIC;
		else
			ret = fs_write(fd, sizeof(h) + off, chunk, n);
	}
	if (!ret) {
		storage_aead_seal_tag(&a, h.tag);
		memcpy(head, &h, sizeof(h));
		ret = fs_write(fd, 0, head, sizeof(h) + first);
		if (fs_close(fd) && !ret)
			ret = TEEC_ERROR_GENERIC;
	} else if (opened) {
		fs_close(fd);
	}
	storage_aead_free(&a);
	kfree(head);
	kfree(chunk);
	return ret;
}

/*
 * Open the sealed file name: *pt (kmalloc'ed) and *len. A missing file is ITEM_NOT_FOUND;
 * anything that is not this file of this TA, sealed whole, is CORRUPT_OBJECT. A small file is
 * one OPEN, one READ and one CLOSE.
 */
static uint32_t unseal(const char *name, const uint8_t uuid[16], uint32_t magic, uint64_t no,
		       size_t max, uint8_t **pt, size_t *len)
{
	struct file_head h;
	uint8_t aad[sizeof(h) + 16];
	struct storage_aead a;
	uint8_t *chunk, *out = NULL, extra;
	size_t got, first;
	uint32_t fd, ret;

	chunk = kmalloc(FS_CHUNK);
	if (!chunk)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = fs_open(name, &fd);
	if (ret) {
		kfree(chunk);
		return ret;
	}
	memset(&h, 0, sizeof(h));
	ret = fs_read(fd, 0, chunk, FS_CHUNK, &got);
	if (ret)
		goto close;
	memcpy(&h, chunk, min_size(got, sizeof(h)));
	ret = TEE_ERROR_CORRUPT_OBJECT;
	if (got < sizeof(h) || h.magic != magic || h.format != FORMAT || h.file_no != no ||
	    h.length > max)
		goto close;
	first = min_size(h.length, FIRST);
	/* The file must be exactly header and ciphertext: shorter is cut, longer is not ours. */
	if (got != sizeof(h) + first && !(h.length > FIRST && got == FS_CHUNK))
		goto close;
	out = kmalloc(h.length ? h.length : 1);
	if (!out) {
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto close;
	}
	aad_of(&h, uuid, aad);
	ret = storage_aead_start(&a, uuid, 1, h.iv, aad, sizeof(aad));
	if (ret)
		goto close;
	if (storage_aead_update(&a, chunk + sizeof(h), out, first))
		ret = TEEC_ERROR_GENERIC;
	for (size_t off = first; off < h.length && !ret; off += FS_CHUNK) {
		size_t n = min_size(h.length - off, FS_CHUNK);

		ret = fs_read(fd, sizeof(h) + off, chunk, n, &got);
		if (!ret && got != n)
			ret = TEE_ERROR_CORRUPT_OBJECT;
		if (!ret && storage_aead_update(&a, chunk, out + off, n))
			ret = TEEC_ERROR_GENERIC;
	}
	/* A file filling its first transfer exactly may go on: nothing may follow. */
	if (!ret && sizeof(h) + h.length >= FS_CHUNK &&
	    (fs_read(fd, sizeof(h) + h.length, &extra, 1, &got) || got))
		ret = TEE_ERROR_CORRUPT_OBJECT;
	if (!ret && storage_aead_check_tag(&a, h.tag))
		ret = TEE_ERROR_CORRUPT_OBJECT;
	storage_aead_free(&a);
close:
	fs_close(fd);
	kfree(chunk);
	if (ret) {
		if (out) {
			memset(out, 0, h.length); /* never served: not even to this side */
			kfree(out);
		}
		if (ret == TEE_ERROR_CORRUPT_OBJECT)
			log_error("trusted storage: %s does not open: corrupt or not this TA's",
				  name);
		return ret;
	}
	*pt = out;
	*len = h.length;
	return TEEC_SUCCESS;
}

int storage_index_find(const struct storage_index *ix, const void *id, size_t len)
{
	for (uint32_t i = 0; i < ix->count; i++)
		if (ix->e[i].id_len == len && !memcmp(ix->e[i].id, id, len))
			return (int)i;
	return -1;
}

int storage_index_find_time(const struct storage_index *ix)
{
	for (uint32_t i = 0; i < ix->count; i++)
		if (ix->e[i].id_len == STORAGE_ENTRY_TIME)
			return (int)i;
	return -1;
}

uint32_t storage_index_objects(const struct storage_index *ix)
{
	return ix->count - (storage_index_find_time(ix) >= 0);
}

/* An entry as it may be: an object's, or one persistent-time record naming no file. */
static int entries_ok(const struct storage_index *ix)
{
	uint32_t times = 0;

	for (uint32_t i = 0; i < ix->count; i++) {
		const struct storage_entry *e = &ix->e[i];

		if (e->id_len == STORAGE_ENTRY_TIME) {
			if (e->file_no || times++)
				return 0;
		} else if (e->id_len > STORAGE_ID_MAX || e->file_no >= ix->next_file_no) {
			return 0;
		}
	}
	return ix->count - times <= STORAGE_OBJECTS_MAX;
}

uint32_t storage_index_load(const uint8_t uuid[16], struct storage_index *ix)
{
	const size_t max = sizeof(struct index_body) + sizeof(ix->e);
	struct index_body body;
	char name[FS_NAME_MAX];
	uint8_t *pt;
	size_t len;
	uint32_t ret;

	memset(ix, 0, sizeof(*ix));
	memcpy(ix->uuid, uuid, 16);
	ix->next_file_no = 1;
	dir_name(name, uuid, "index");
	ret = unseal(name, uuid, MAGIC_INDEX, 0, max, &pt, &len);
	if (ret == TEEC_ERROR_ITEM_NOT_FOUND) /* no store yet, or one deleted: rollback decides */
		return storage_rollback_check(uuid, 0) ? TEE_ERROR_CORRUPT_OBJECT : TEEC_SUCCESS;
	if (ret)
		return ret;
	memcpy(&body, pt, sizeof(body) < len ? sizeof(body) : len);
	if (len < sizeof(body) || body.count > STORAGE_ENTRIES_MAX ||
	    len != sizeof(body) + body.count * sizeof(ix->e[0])) {
		ret = TEE_ERROR_CORRUPT_OBJECT;
	} else {
		ix->version = body.version;
		ix->next_file_no = body.next_file_no;
		ix->count = body.count;
		memcpy(ix->e, pt + sizeof(body), body.count * sizeof(ix->e[0]));
		if (!entries_ok(ix))
			ret = TEE_ERROR_CORRUPT_OBJECT;
	}
	kfree(pt);
	if (!ret && storage_rollback_check(uuid, ix->version))
		ret = TEE_ERROR_CORRUPT_OBJECT;
	if (!ret)
		storage_rollback_seen(uuid, ix->version);
	return ret;
}

uint32_t storage_index_commit(struct storage_index *ix)
{
	size_t len = sizeof(struct index_body) + ix->count * sizeof(ix->e[0]);
	struct index_body body = {
	    .version = ix->version + 1, .next_file_no = ix->next_file_no, .count = ix->count};
	char tmp[FS_NAME_MAX], final[FS_NAME_MAX];
	uint8_t *pt = kmalloc(len);
	uint32_t ret;

	if (!pt)
		return TEEC_ERROR_OUT_OF_MEMORY;
	memcpy(pt, &body, sizeof(body));
	memcpy(pt + sizeof(body), ix->e, ix->count * sizeof(ix->e[0]));
	dir_name(tmp, ix->uuid, "index.tmp");
	dir_name(final, ix->uuid, "index");
	ret = seal(tmp, ix->uuid, MAGIC_INDEX, 0, pt, len);
	kfree(pt);
	/* The switch: rename(2) replaces the old index in one step (ext4: journalled). */
	if (!ret)
		ret = fs_rename(tmp, final, 1);
	if (ret)
		return ret;
	ix->version++;
	storage_rollback_seen(ix->uuid, ix->version);
	return TEEC_SUCCESS;
}

uint32_t storage_obj_write(const uint8_t uuid[16], uint64_t no, const void *blob, size_t len)
{
	char name[FS_NAME_MAX];

	if (len > STORAGE_BLOB_MAX)
		return TEE_ERROR_STORAGE_NO_SPACE;
	obj_name(name, uuid, no);
	return seal(name, uuid, MAGIC_OBJECT, no, blob, len);
}

uint32_t storage_obj_read(const uint8_t uuid[16], uint64_t no, uint8_t **blob, size_t *len)
{
	char name[FS_NAME_MAX];
	uint32_t ret;

	obj_name(name, uuid, no);
	ret = unseal(name, uuid, MAGIC_OBJECT, no, STORAGE_BLOB_MAX, blob, len);
	/* The index names this file: its absence is the store's corruption, not "no object". */
	return ret == TEEC_ERROR_ITEM_NOT_FOUND ? TEE_ERROR_CORRUPT_OBJECT : ret;
}

void storage_obj_remove(const uint8_t uuid[16], uint64_t no)
{
	char name[FS_NAME_MAX];

	obj_name(name, uuid, no);
	fs_remove(name);
}
