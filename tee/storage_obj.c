// SPDX-License-Identifier: BSD-2-Clause
/*
 * Persistent objects (see storage_obj.h). An object's sealed plaintext ("blob") is
 *   struct blob_head | its attributes (id, length, bytes padded to 8) | its data
 * so that its attributes, type, key size and usage are authenticated with its data.
 *
 * Locks: storage_lock() (fs_rpc.h) serialises everything that touches the store or an open
 * object's data, and may wait in Linux. The list of open objects and their handles is also
 * changed by pstore_close, which runs when an instance dies and must not wait: that list is
 * under the spinlock `open_lock`, taken without the storage lock held or under it, never the
 * other way round.
 */
#include "storage_obj.h"
#include "thread.h"

#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_obj.h"
#include "fs_rpc.h"
#include "heap.h"
#include "ta.h"

#define ACCESS_FLAGS                                                                               \
	(TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_ACCESS_WRITE |                                  \
	 TEE_DATA_FLAG_ACCESS_WRITE_META | TEE_DATA_FLAG_SHARE_READ | TEE_DATA_FLAG_SHARE_WRITE)
#define ATTRS_MAX CRYPTO_OBJ_ATTRS

struct blob_head {
	uint32_t type;
	uint32_t bits;
	uint32_t max_bits;
	uint32_t usage;
	uint32_t attr_count;
	uint32_t meta_len; /* bytes before the data, this header included */
};

struct attr_head {
	uint32_t id;
	uint32_t len;
};

/* An object open in the trusted OS. */
struct pobj {
	struct pobj *next;
	uint64_t client; /* whose store it is (guest.h): each guest's tee-supplicant has its own */
	uint8_t uuid[16];
	uint8_t id[STORAGE_ID_MAX];
	uint32_t id_len;
	uint64_t file_no; /* the object file this content was read from or written to */
	uint8_t *blob;	  /* meta_len bytes of metadata, then data_len of data */
	size_t meta_len, data_len;
	struct pstore_handle *handles;
	/*
	 * A commit's outcome is unknown (the rename request failed: tee-supplicant may have
	 * renamed and died before answering). The next use reads the object back as the index
	 * on disk has it, under its ID or under pending_id (a rename's new ID).
	 */
	int stale;
	uint8_t pending_id[STORAGE_ID_MAX];
	uint32_t pending_id_len;
};

struct pstore_handle {
	struct pstore_handle *next;
	struct pobj *po;
	uint32_t flags; /* TEE_DATA_FLAG_ACCESS_* and SHARE_* */
	uint64_t pos;
};

static struct pobj *open_objs;
static struct spinlock open_lock;
static size_t held; /* data of open objects, under the storage lock */

static uint64_t round8(uint64_t n)
{
	return (n + 7) & ~7UL;
}

static struct pobj *find_open(const uint8_t uuid[16], const void *id, size_t len)
{
	uint64_t client = thread_client();

	for (struct pobj *p = open_objs; p; p = p->next)
		if (p->client == client && !memcmp(p->uuid, uuid, 16) && p->id_len == len &&
		    !memcmp(p->id, id, len))
			return p;
	return NULL;
}

/*
 * GP 5.7.1: may a handle with flags nf join those open on the object? WRITE_META is exclusive;
 * once any handle reads (or writes), every handle must share reading (or writing).
 */
static int compatible(const struct pobj *po, uint32_t nf)
{
	for (const struct pstore_handle *h = po->handles; h; h = h->next) {
		uint32_t of = h->flags;

		if ((of | nf) & TEE_DATA_FLAG_ACCESS_WRITE_META)
			return 0;
		if (((of | nf) & TEE_DATA_FLAG_ACCESS_READ) &&
		    !(of & nf & TEE_DATA_FLAG_SHARE_READ))
			return 0;
		if (((of | nf) & TEE_DATA_FLAG_ACCESS_WRITE) &&
		    !(of & nf & TEE_DATA_FLAG_SHARE_WRITE))
			return 0;
	}
	return 1;
}

static struct pstore_handle *handle_of(const struct crypto_obj *o)
{
	return o->pers;
}

/* The blob of a new object: attrs' attributes (or none) and data_len bytes of data from the TA. */
static uint32_t blob_make(const struct crypto_obj *attrs, uint64_t data_va, size_t data_len,
			  uint8_t **out, size_t *meta_len)
{
	struct blob_head bh = {.type = TEE_TYPE_DATA, .usage = 0xFFFFFFFFU};
	struct crypto_attr_ref a;
	size_t len = sizeof(bh), off;
	uint8_t *b;

	if (attrs) {
		bh.type = attrs->type;
		bh.bits = attrs->bits;
		bh.max_bits = attrs->max_bits;
		bh.usage = attrs->usage;
		for (uint32_t i = 0; !crypto_obj_attr_at(attrs, i, &a); i++) {
			len += sizeof(struct attr_head) + round8(a.len);
			bh.attr_count++;
		}
	}
	bh.meta_len = (uint32_t)len;
	if (len + data_len > STORAGE_BLOB_MAX)
		return TEE_ERROR_STORAGE_NO_SPACE;
	b = kcalloc(1, len + data_len + 1);
	if (!b)
		return TEEC_ERROR_OUT_OF_MEMORY;
	memcpy(b, &bh, sizeof(bh));
	off = sizeof(bh);
	for (uint32_t i = 0; attrs && !crypto_obj_attr_at(attrs, i, &a); i++) {
		struct attr_head ah = {.id = a.id, .len = (uint32_t)a.len};

		memcpy(b + off, &ah, sizeof(ah));
		memcpy(b + off + sizeof(ah), a.buf, a.len);
		off += sizeof(ah) + round8(a.len);
	}
	if (data_len && ta_copy_from(b + len, data_va, data_len)) {
		kfree(b);
		return TEEC_ERROR_ACCESS_DENIED;
	}
	*out = b;
	*meta_len = len;
	return TEEC_SUCCESS;
}

/* Check a blob read back (it opened with the TA's key, so only a bug makes it inconsistent). */
static int blob_check(const uint8_t *b, size_t len, struct blob_head *bh)
{
	size_t off = sizeof(*bh);

	if (len < sizeof(*bh))
		return -1;
	memcpy(bh, b, sizeof(*bh));
	if (bh->meta_len > len || bh->attr_count > ATTRS_MAX)
		return -1;
	for (uint32_t i = 0; i < bh->attr_count; i++) {
		struct attr_head ah;

		if (off + sizeof(ah) > bh->meta_len)
			return -1;
		memcpy(&ah, b + off, sizeof(ah));
		if (ah.len > bh->meta_len - off - sizeof(ah))
			return -1;
		off += sizeof(ah) + round8(ah.len);
	}
	return off == bh->meta_len ? 0 : -1;
}

/*
 * The blob of an empty data object with no attributes, as TEE_CreatePersistentObject makes it
 * from TEE_HANDLE_NULL and no initial data (GP 5.7.2: type TEE_TYPE_DATA, every usage bit).
 * Such a version needs no file: its index entry says STORAGE_NO_FILE, which saves the object
 * file's three requests (create, write, close) and, when it is replaced, the removal.
 */
static const struct blob_head bare_head = {
    .type = TEE_TYPE_DATA, .usage = 0xFFFFFFFFU, .meta_len = sizeof(struct blob_head)};

static int blob_is_bare(const uint8_t *b, size_t meta_len, size_t data_len)
{
	return meta_len == sizeof(bare_head) && !data_len &&
	       !memcmp(b, &bare_head, sizeof(bare_head));
}

uint32_t pstore_version_read(const uint8_t uuid[16], uint64_t no, uint8_t **blob, size_t *len)
{
	uint8_t *b;

	if (no != STORAGE_NO_FILE)
		return storage_obj_read(uuid, no, blob, len);
	b = kcalloc(1, sizeof(bare_head) + 1);
	if (!b)
		return TEEC_ERROR_OUT_OF_MEMORY;
	memcpy(b, &bare_head, sizeof(bare_head));
	*blob = b;
	*len = sizeof(bare_head);
	return TEEC_SUCCESS;
}

/*
 * Store a new version (meta_len + data_len bytes of blob) for ix: a new object file, its number
 * taken from ix, or none for an empty data object. *no: the number for the index entry. A file
 * that could not be written whole is removed (no index names it). Storage lock held.
 */
static uint32_t version_write(struct storage_index *ix, const uint8_t *blob, size_t meta_len,
			      size_t data_len, uint64_t *no)
{
	uint32_t ret;

	if (blob_is_bare(blob, meta_len, data_len)) {
		*no = STORAGE_NO_FILE;
		return TEEC_SUCCESS;
	}
	*no = ix->next_file_no++;
	ret = storage_obj_write(ix->uuid, *no, blob, meta_len + data_len);
	if (ret)
		storage_obj_remove(ix->uuid, *no); /* never named: a partial file */
	return ret;
}

/* Remove a version no index names any more (errors ignored: at worst an orphan file). */
static void version_remove(const uint8_t uuid[16], uint64_t no)
{
	if (no != STORAGE_NO_FILE)
		storage_obj_remove(uuid, no);
}

/* The transient-object side of a handle: type, key size, usage and attributes from the blob. */
static uint32_t object_from_blob(const uint8_t *b, struct crypto_obj **out)
{
	struct crypto_attr_ref attrs[ATTRS_MAX];
	struct blob_head bh;
	struct crypto_obj *o;
	size_t off = sizeof(bh);
	uint32_t ret;

	memcpy(&bh, b, sizeof(bh));
	if (bh.type == TEE_TYPE_DATA) {
		o = kcalloc(1, sizeof(*o));
		if (!o)
			return TEEC_ERROR_OUT_OF_MEMORY;
		o->type = TEE_TYPE_DATA;
		o->usage = bh.usage;
		*out = o;
		return TEEC_SUCCESS;
	}
	for (uint32_t i = 0; i < bh.attr_count; i++) {
		struct attr_head ah;

		memcpy(&ah, b + off, sizeof(ah));
		attrs[i] = (struct crypto_attr_ref){
		    .id = ah.id, .buf = b + off + sizeof(ah), .len = ah.len};
		off += sizeof(ah) + round8(ah.len);
	}
	ret = crypto_obj_alloc(bh.type, bh.max_bits, &o);
	if (ret)
		return ret == TEEC_ERROR_NOT_SUPPORTED ? TEE_ERROR_CORRUPT_OBJECT : ret;
	ret = crypto_obj_restore(o, attrs, bh.attr_count, bh.bits);
	if (ret) {
		crypto_obj_free(o);
		return TEE_ERROR_CORRUPT_OBJECT;
	}
	o->usage = bh.usage;
	*out = o;
	return TEEC_SUCCESS;
}

/* A new handle on po for a new object; the caller holds the storage lock. */
static uint32_t bind(struct pobj *po, uint32_t flags, struct crypto_obj **out)
{
	struct pstore_handle *h = kcalloc(1, sizeof(*h));
	struct crypto_obj *o;
	uint32_t ret;

	if (!h)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = object_from_blob(po->blob, &o);
	if (ret) {
		kfree(h);
		return ret;
	}
	h->po = po;
	h->flags = flags & ACCESS_FLAGS;
	o->pers = h;
	spin_lock(&open_lock);
	h->next = po->handles;
	po->handles = h;
	spin_unlock(&open_lock);
	*out = o;
	return TEEC_SUCCESS;
}

static void pobj_free(struct pobj *po)
{
	memset(po->blob, 0, po->meta_len + po->data_len);
	kfree(po->blob);
	kfree(po);
}

void pstore_close(struct pstore_handle *h)
{
	struct pobj *po = h->po, **pp;
	int last;

	spin_lock(&open_lock);
	for (struct pstore_handle **hp = &po->handles; *hp; hp = &(*hp)->next) {
		if (*hp == h) {
			*hp = h->next;
			break;
		}
	}
	last = po->handles == NULL;
	if (last) {
		for (pp = &open_objs; *pp; pp = &(*pp)->next) {
			if (*pp == po) {
				*pp = po->next;
				break;
			}
		}
		held -= po->data_len;
	}
	spin_unlock(&open_lock);
	kfree(h);
	if (last)
		pobj_free(po);
}

/* The TA's index, loaded and checked (allocated: it is too large for a thread stack). */
static uint32_t index_get(const uint8_t uuid[16], struct storage_index **out)
{
	struct storage_index *ix = kmalloc(sizeof(*ix));
	uint32_t ret;

	if (!ix)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = storage_index_load(uuid, ix);
	if (ret) {
		kfree(ix);
		return ret;
	}
	*out = ix;
	return TEEC_SUCCESS;
}

uint32_t pstore_open(const uint8_t uuid[16], const void *id, size_t id_len, uint32_t flags,
		     struct crypto_obj **out)
{
	struct storage_index *ix = NULL;
	struct blob_head bh;
	struct pobj *po;
	uint8_t *blob;
	size_t len;
	uint32_t ret;
	int i;

	storage_lock();
	spin_lock(&open_lock);
	po = find_open(uuid, id, id_len);
	ret = po && !compatible(po, flags) ? TEE_ERROR_ACCESS_CONFLICT : TEEC_SUCCESS;
	spin_unlock(&open_lock);
	if (ret || po) {
		if (!ret)
			ret = bind(po, flags, out);
		goto out;
	}
	ret = index_get(uuid, &ix);
	if (ret)
		goto out;
	i = storage_index_find(ix, id, id_len);
	if (i < 0) {
		ret = TEEC_ERROR_ITEM_NOT_FOUND;
		goto out;
	}
	ret = pstore_version_read(uuid, ix->e[i].file_no, &blob, &len);
	if (ret)
		goto out;
	if (blob_check(blob, len, &bh)) {
		memset(blob, 0, len);
		kfree(blob);
		ret = TEE_ERROR_CORRUPT_OBJECT;
		goto out;
	}
	po = kcalloc(1, sizeof(*po));
	if (!po || held + (len - bh.meta_len) > STORAGE_HELD_MAX) {
		kfree(po);
		memset(blob, 0, len);
		kfree(blob);
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	memcpy(po->uuid, uuid, 16);
	memcpy(po->id, id, id_len);
	po->id_len = (uint32_t)id_len;
	po->file_no = ix->e[i].file_no;
	po->blob = blob;
	po->meta_len = bh.meta_len;
	po->data_len = len - bh.meta_len;
	ret = bind(po, flags, out);
	if (ret) {
		pobj_free(po);
		goto out;
	}
	po->client = thread_client();
	spin_lock(&open_lock);
	po->next = open_objs;
	open_objs = po;
	held += po->data_len;
	spin_unlock(&open_lock);
out:
	kfree(ix);
	storage_unlock();
	return ret;
}

uint32_t pstore_create(const uint8_t uuid[16], const void *id, size_t id_len, uint32_t flags,
		       const struct crypto_obj *attrs, uint64_t data_va, size_t data_len,
		       struct crypto_obj **out)
{
	struct storage_index *ix = NULL;
	struct pobj *po = NULL;
	uint64_t old = STORAGE_NO_FILE, no;
	uint8_t *blob = NULL;
	size_t meta_len;
	uint32_t ret;
	int i;

	storage_lock();
	/* An object open through any handle is not replaced under it (GP 5.7.2). */
	spin_lock(&open_lock);
	ret = find_open(uuid, id, id_len) ? TEE_ERROR_ACCESS_CONFLICT : TEEC_SUCCESS;
	spin_unlock(&open_lock);
	if (ret)
		goto out;
	ret = index_get(uuid, &ix);
	if (ret)
		goto out;
	i = storage_index_find(ix, id, id_len);
	if (i >= 0 && !(flags & TEE_DATA_FLAG_OVERWRITE)) {
		ret = TEE_ERROR_ACCESS_CONFLICT;
		goto out;
	}
	if (i < 0 && storage_index_objects(ix) == STORAGE_OBJECTS_MAX) {
		ret = TEE_ERROR_STORAGE_NO_SPACE;
		goto out;
	}
	if (out && held + data_len > STORAGE_HELD_MAX) {
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	ret = blob_make(attrs, data_va, data_len, &blob, &meta_len);
	if (ret)
		goto out;
	ret = version_write(ix, blob, meta_len, data_len, &no);
	if (!ret) {
		if (i < 0) {
			i = (int)ix->count++;
			memset(&ix->e[i], 0, sizeof(ix->e[i]));
			memcpy(ix->e[i].id, id, id_len);
			ix->e[i].id_len = (uint32_t)id_len;
		} else {
			old = ix->e[i].file_no;
		}
		ix->e[i].file_no = no;
		ret = storage_index_commit(ix);
		/*
		 * A failed commit may still have renamed the index (the answer lost): o<no> stays,
		 * named by the index or by nobody (then the next commit reuses its number).
		 */
		if (ret)
			goto out;
	} else {
		goto out;
	}
	version_remove(uuid, old);
	if (!out)
		goto out;
	po = kcalloc(1, sizeof(*po));
	if (!po) {
		ret = TEEC_ERROR_OUT_OF_MEMORY; /* made, but not open: as GP allows for no memory */
		goto out;
	}
	memcpy(po->uuid, uuid, 16);
	memcpy(po->id, id, id_len);
	po->id_len = (uint32_t)id_len;
	po->file_no = no;
	po->blob = blob;
	po->meta_len = meta_len;
	po->data_len = data_len;
	blob = NULL;
	ret = bind(po, flags, out);
	if (ret) {
		pobj_free(po);
		goto out;
	}
	po->client = thread_client();
	spin_lock(&open_lock);
	po->next = open_objs;
	open_objs = po;
	held += po->data_len;
	spin_unlock(&open_lock);
out:
	if (blob) {
		memset(blob, 0, meta_len + data_len);
		kfree(blob);
	}
	kfree(ix);
	storage_unlock();
	return ret;
}

/*
 * Write po's object anew with blob (meta_len + data_len bytes) and switch the index to it.
 * The index must still name the file po was read from: otherwise the store was changed
 * behind the trusted OS's back (an old or foreign index put in place) and nothing is written.
 * Storage lock held. On success po holds blob (its old one is freed).
 */
static uint32_t commit(struct pobj *po, uint8_t *blob, size_t data_len)
{
	struct storage_index *ix;
	uint64_t no, old;
	uint32_t ret;
	int i;

	ret = index_get(po->uuid, &ix);
	if (ret)
		return ret;
	i = storage_index_find(ix, po->id, po->id_len);
	if (i < 0 || ix->e[i].file_no != po->file_no) {
		log_error("trusted storage: an open object's index entry changed underneath");
		kfree(ix);
		return TEE_ERROR_CORRUPT_OBJECT;
	}
	old = po->file_no;
	ret = version_write(ix, blob, po->meta_len, data_len, &no);
	if (ret) {
		kfree(ix);
		return ret;
	}
	ix->e[i].file_no = no;
	ret = storage_index_commit(ix);
	kfree(ix);
	if (ret) {
		po->stale = 1; /* the old version or the new one: the disk will say */
		return ret;
	}
	version_remove(po->uuid, old);
	memset(po->blob, 0, po->meta_len + po->data_len);
	kfree(po->blob);
	spin_lock(&open_lock);
	held = held - po->data_len + data_len;
	spin_unlock(&open_lock);
	po->blob = blob;
	po->data_len = data_len;
	po->file_no = no;
	return TEEC_SUCCESS;
}

/* A copy of po's blob resized to data_len (zeros past the old end), or NULL. */
static uint8_t *blob_resized(const struct pobj *po, size_t data_len)
{
	uint8_t *b = kcalloc(1, po->meta_len + data_len + 1);
	size_t keep = po->data_len < data_len ? po->data_len : data_len;

	if (b)
		memcpy(b, po->blob, po->meta_len + keep);
	return b;
}

static void blob_drop(uint8_t *b, size_t len)
{
	memset(b, 0, len);
	kfree(b);
}

/*
 * After a commit whose outcome is unknown: take the object as the index on disk has it (the
 * version before or the one after), and drop the file of the version that lost. Storage lock
 * held.
 */
static uint32_t resync(struct pobj *po)
{
	struct storage_index *ix;
	struct blob_head bh;
	uint8_t *blob;
	size_t len;
	uint32_t ret;
	int i, renamed = 0;

	ret = index_get(po->uuid, &ix);
	if (ret)
		return ret;
	i = storage_index_find(ix, po->id, po->id_len);
	if (i < 0 && po->pending_id_len) {
		i = storage_index_find(ix, po->pending_id, po->pending_id_len);
		renamed = i >= 0;
	}
	if (i < 0) {
		kfree(ix);
		return TEE_ERROR_CORRUPT_OBJECT;
	}
	ret = pstore_version_read(po->uuid, ix->e[i].file_no, &blob, &len);
	if (!ret && (blob_check(blob, len, &bh) || bh.meta_len != po->meta_len)) {
		blob_drop(blob, len);
		ret = TEE_ERROR_CORRUPT_OBJECT;
	}
	if (ret) {
		kfree(ix);
		return ret;
	}
	if (ix->e[i].file_no != po->file_no)
		version_remove(po->uuid, po->file_no);
	spin_lock(&open_lock);
	held = held - po->data_len + (len - bh.meta_len);
	if (renamed) {
		memcpy(po->id, po->pending_id, po->pending_id_len);
		po->id_len = po->pending_id_len;
	}
	spin_unlock(&open_lock);
	blob_drop(po->blob, po->meta_len + po->data_len);
	po->blob = blob;
	po->data_len = len - bh.meta_len;
	po->file_no = ix->e[i].file_no;
	po->stale = 0;
	po->pending_id_len = 0;
	kfree(ix);
	return TEEC_SUCCESS;
}

/* The object up to date before it is used (storage lock held). */
static uint32_t fresh(struct pobj *po)
{
	return po->stale ? resync(po) : TEEC_SUCCESS;
}

uint32_t pstore_read(struct crypto_obj *o, uint64_t va, size_t len, uint64_t *count)
{
	struct pstore_handle *h = handle_of(o);
	struct pobj *po = h->po;
	uint64_t n = 0;
	uint32_t ret = TEEC_SUCCESS;

	if (!(h->flags & TEE_DATA_FLAG_ACCESS_READ))
		ta_kill_current(
		    "TEE_ReadObjectData: object not opened with TEE_DATA_FLAG_ACCESS_READ");
	storage_lock();
	ret = fresh(po);
	/* GP 5.9.1: from the position, what there is; nothing at or past the end. */
	if (!ret && h->pos < po->data_len)
		n = po->data_len - h->pos < len ? po->data_len - h->pos : len;
	if (!ret && n && ta_copy_to(va, po->blob + po->meta_len + h->pos, n))
		ret = TEEC_ERROR_ACCESS_DENIED;
	if (!ret) {
		h->pos += n;
		*count = n;
	}
	storage_unlock();
	return ret;
}

uint32_t pstore_write(struct crypto_obj *o, uint64_t va, size_t len)
{
	struct pstore_handle *h = handle_of(o);
	struct pobj *po = h->po;
	uint64_t end = h->pos + len;
	size_t new_len;
	uint8_t *b;
	uint32_t ret;

	if (!(h->flags & TEE_DATA_FLAG_ACCESS_WRITE))
		ta_kill_current(
		    "TEE_WriteObjectData: object not opened with TEE_DATA_FLAG_ACCESS_WRITE");
	if (len > TEE_DATA_MAX_POSITION || end > TEE_DATA_MAX_POSITION)
		return TEE_ERROR_OVERFLOW; /* GP 5.9.2 */
	if (!len)
		return TEEC_SUCCESS;
	storage_lock();
	ret = fresh(po);
	if (ret)
		goto out;
	new_len = end > po->data_len ? end : po->data_len;
	if (po->meta_len + new_len > STORAGE_BLOB_MAX ||
	    held - po->data_len + new_len > STORAGE_HELD_MAX) {
		ret = TEE_ERROR_STORAGE_NO_SPACE;
		goto out;
	}
	/* The gap between the old end and the position, if any, reads as zeros (GP 5.9.2). */
	b = blob_resized(po, new_len);
	if (!b) {
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	if (ta_copy_from(b + po->meta_len + h->pos, va, len)) {
		blob_drop(b, po->meta_len + new_len);
		ret = TEEC_ERROR_ACCESS_DENIED;
		goto out;
	}
	ret = commit(po, b, new_len);
	if (ret)
		blob_drop(b, po->meta_len + new_len);
	else
		h->pos = end;
out:
	storage_unlock();
	return ret;
}

uint32_t pstore_truncate(struct crypto_obj *o, uint64_t size)
{
	struct pstore_handle *h = handle_of(o);
	struct pobj *po = h->po;
	uint8_t *b;
	uint32_t ret;

	if (!(h->flags & TEE_DATA_FLAG_ACCESS_WRITE))
		ta_kill_current(
		    "TEE_TruncateObjectData: object not opened with TEE_DATA_FLAG_ACCESS_WRITE");
	if (size > TEE_DATA_MAX_POSITION)
		return TEE_ERROR_STORAGE_NO_SPACE;
	storage_lock();
	ret = fresh(po);
	if (ret)
		goto out;
	if (po->meta_len + size > STORAGE_BLOB_MAX ||
	    held - po->data_len + size > STORAGE_HELD_MAX) {
		ret = TEE_ERROR_STORAGE_NO_SPACE;
		goto out;
	}
	b = blob_resized(po, size);
	if (!b) {
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto out;
	}
	ret = commit(po, b, size);
	if (ret)
		blob_drop(b, po->meta_len + size);
out:
	storage_unlock();
	return ret;
}

/* GP 5.9.4 TEE_SeekObjectData: the data itself never changes. */
uint32_t pstore_seek(struct crypto_obj *o, int64_t offset, uint32_t whence)
{
	struct pstore_handle *h = handle_of(o);
	int64_t base;

	storage_lock();
	switch (whence) {
	case 0: /* TEE_DATA_SEEK_SET */
		base = 0;
		break;
	case 1: /* TEE_DATA_SEEK_CUR */
		base = (int64_t)h->pos;
		break;
	case 2: /* TEE_DATA_SEEK_END */
		if (fresh(h->po)) {
			storage_unlock();
			return TEE_ERROR_CORRUPT_OBJECT;
		}
		base = (int64_t)h->po->data_len;
		break;
	default:
		storage_unlock();
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	storage_unlock();
	/* A position before 0 is BAD_PARAMETERS, after TEE_DATA_MAX_POSITION OVERFLOW. */
	if (offset < 0 && -offset > base)
		return TEEC_ERROR_BAD_PARAMETERS;
	if ((uint64_t)(base + offset) > TEE_DATA_MAX_POSITION)
		return TEE_ERROR_OVERFLOW;
	h->pos = (uint64_t)(base + offset);
	return TEEC_SUCCESS;
}

void pstore_info(const struct crypto_obj *o, struct ta_pstore_info *info)
{
	const struct pstore_handle *h = handle_of(o);

	memset(info, 0, sizeof(*info));
	info->type = o->type;
	info->size_bits = o->bits;
	info->max_bits = o->max_bits;
	info->usage = o->usage;
	info->handle_flags = TEE_HANDLE_FLAG_PERSISTENT | TEE_HANDLE_FLAG_INITIALIZED | h->flags;
	info->data_size = h->po->data_len;
	info->data_pos = h->pos;
}

uint32_t pstore_delete(struct crypto_obj *o)
{
	struct pstore_handle *h = handle_of(o);
	struct pobj *po = h->po;
	struct storage_index *ix;
	uint32_t ret;
	int i;

	if (!(h->flags & TEE_DATA_FLAG_ACCESS_WRITE_META))
		ta_kill_current("TEE_CloseAndDeletePersistentObject1: object not opened with "
				"TEE_DATA_FLAG_ACCESS_WRITE_META");
	storage_lock();
	ret = fresh(po);
	if (!ret)
		ret = index_get(po->uuid, &ix);
	if (ret)
		goto out;
	i = storage_index_find(ix, po->id, po->id_len);
	if (i >= 0) {
		ix->e[i] = ix->e[--ix->count];
		ret = storage_index_commit(ix);
		/* Failed: maybe deleted after all; its file stays until then (never served). */
		if (!ret)
			version_remove(po->uuid, po->file_no);
	}
	kfree(ix);
out:
	storage_unlock();
	return ret;
}

uint32_t pstore_rename(struct crypto_obj *o, const void *id, size_t id_len)
{
	struct pstore_handle *h = handle_of(o);
	struct pobj *po = h->po;
	struct storage_index *ix;
	uint32_t ret;
	int i, j;

	if (!(h->flags & TEE_DATA_FLAG_ACCESS_WRITE_META))
		ta_kill_current("TEE_RenamePersistentObject: object not opened with "
				"TEE_DATA_FLAG_ACCESS_WRITE_META");
	storage_lock();
	ret = fresh(po);
	if (!ret)
		ret = index_get(po->uuid, &ix);
	if (ret)
		goto out;
	i = storage_index_find(ix, po->id, po->id_len);
	j = storage_index_find(ix, id, id_len);
	if (i < 0 || ix->e[i].file_no != po->file_no) {
		ret = TEE_ERROR_CORRUPT_OBJECT;
	} else if (j >= 0 && j != i) {
		ret = TEE_ERROR_ACCESS_CONFLICT; /* GP 5.7.5: an object has that ID already */
	} else {
		memset(ix->e[i].id, 0, sizeof(ix->e[i].id));
		memcpy(ix->e[i].id, id, id_len);
		ix->e[i].id_len = (uint32_t)id_len;
		ret = storage_index_commit(ix);
		if (ret) { /* renamed or not: the disk will say */
			memcpy(po->pending_id, id, id_len);
			po->pending_id_len = (uint32_t)id_len;
			po->stale = 1;
		}
	}
	kfree(ix);
	if (!ret) {
		spin_lock(&open_lock);
		memcpy(po->id, id, id_len);
		po->id_len = (uint32_t)id_len;
		spin_unlock(&open_lock);
	}
out:
	storage_unlock();
	return ret;
}
