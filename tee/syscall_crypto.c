// SPDX-License-Identifier: BSD-2-Clause
/*
 * The cryptography system calls (include/rampart/ta_abi.h TA_SYS_OBJ_*, TA_SYS_OP_*): handles
 * are looked up in the calling instance's own tables, every TA pointer is checked against its
 * mappings with the access the call needs, and secrets are copied out only from objects the TA
 * made extractable (GP 5.4.4).
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "crypto_ae.h"
#include "crypto_obj.h"
#include "heap.h"
#include "ta.h"

#define ATTRS_MAX 8

static struct ta_instance *current(void)
{
	return ta_current_call()->inst;
}

/* GP: a handle the TA does not hold is a panic (e.g. 5.5.2, 6.2.2). */
static struct crypto_obj *obj_of(struct crypto_state *s, uint64_t h, const char *fn)
{
	struct crypto_obj *o = h >> 32 ? NULL : handle_get(&s->objs, (uint32_t)h);
	char why[80];

	if (!o) {
		snprintf(why, sizeof(why), "%s: %#lx is not an object handle of this TA", fn, h);
		ta_kill_current(why);
	}
	return o;
}

static struct crypto_op *op_of(struct crypto_state *s, uint64_t h, const char *fn)
{
	struct crypto_op *op = h >> 32 ? NULL : handle_get(&s->ops, (uint32_t)h);
	char why[80];

	if (!op) {
		snprintf(why, sizeof(why), "%s: %#lx is not an operation handle of this TA", fn, h);
		ta_kill_current(why);
	}
	return op;
}

static uint64_t obj_alloc(struct crypto_state *s, uint64_t type, uint64_t max_bits, uint64_t h_va)
{
	struct crypto_obj *o;
	uint32_t h, ret;

	if (type >> 32 || max_bits > CRYPTO_SECRET_MAX_BITS)
		return TEEC_ERROR_NOT_SUPPORTED;
	ret = crypto_obj_alloc((uint32_t)type, (uint32_t)max_bits, &o);
	if (ret)
		return ret;
	h = handle_alloc(&s->objs, o);
	if (!h || ta_copy_to(h_va, &h, sizeof(h))) {
		if (h)
			handle_release(&s->objs, h);
		crypto_obj_free(o);
		/* GP 5.5.1: no room is OUT_OF_MEMORY (here: the per-instance object limit) */
		return h ? TEEC_ERROR_ACCESS_DENIED : TEEC_ERROR_OUT_OF_MEMORY;
	}
	return TEEC_SUCCESS;
}

/* GP 5.5.4 TEE_PopulateTransientObject, for the secret-value types. */
static uint64_t obj_populate(struct crypto_obj *o, uint64_t attrs_va, uint64_t count)
{
	struct ta_attr attrs[ATTRS_MAX];
	const struct ta_attr *secret = NULL;

	if (o->bits)
		ta_kill_current("TEE_PopulateTransientObject: object already initialized");
	if (count > ATTRS_MAX || ta_copy_from(attrs, attrs_va, count * sizeof(attrs[0])))
		ta_kill_current("TEE_PopulateTransientObject: attribute array unreadable");
	for (uint64_t i = 0; i < count; i++) {
		if (attrs[i].id != GP_ATTR_SECRET_VALUE)
			ta_kill_current(
			    "TEE_PopulateTransientObject: attribute not defined for the type");
		secret = &attrs[i];
	}
	if (!secret)
		ta_kill_current("TEE_PopulateTransientObject: TEE_ATTR_SECRET_VALUE missing");
	if (secret->b > o->max_bits / 8)
		ta_kill_current(
		    "TEE_PopulateTransientObject: secret larger than the object's maximum");
	/* A length the type does not take is an "incorrect attribute value": BAD_PARAMETERS. */
	if (!crypto_key_size_ok(o->type, (uint32_t)secret->b * 8))
		return TEEC_ERROR_BAD_PARAMETERS;
	if (ta_copy_from(o->secret, secret->a, secret->b))
		ta_kill_current("TEE_PopulateTransientObject: secret buffer unreadable");
	o->bits = (uint32_t)secret->b * 8;
	return TEEC_SUCCESS;
}

static uint64_t obj_info(const struct crypto_obj *o, uint64_t va)
{
	struct ta_obj_info info = {
	    .type = o->type,
	    .size_bits = o->bits,
	    .max_bits = o->max_bits,
	    .usage = o->usage,
	    .handle_flags = o->bits ? GP_HANDLE_FLAG_INITIALIZED : 0,
	};

	return ta_copy_to(va, &info, sizeof(info)) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

/* GP 5.4.4 TEE_GetObjectBufferAttribute. */
static uint64_t obj_get_attr(const struct crypto_obj *o, uint64_t id, uint64_t buf,
			     uint64_t size_va)
{
	uint64_t room, len = o->bits / 8;

	if (id & GP_ATTR_FLAG_VALUE)
		ta_kill_current("TEE_GetObjectBufferAttribute: a value attribute");
	if (id != GP_ATTR_SECRET_VALUE || !o->bits)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	/* A protected attribute leaves the trusted OS only from an extractable object. */
	if (!(o->usage & GP_USAGE_EXTRACTABLE))
		ta_kill_current("TEE_GetObjectBufferAttribute: secret of a non-extractable object");
	if (ta_copy_from(&room, size_va, sizeof(room)))
		return TEEC_ERROR_ACCESS_DENIED;
	if (ta_copy_to(size_va, &len, sizeof(len)))
		return TEEC_ERROR_ACCESS_DENIED;
	if (room < len)
		return TEEC_ERROR_SHORT_BUFFER;
	return ta_copy_to(buf, o->secret, len) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

/* GP 5.5.7 TEE_GenerateKey: the secret from the DRBG. */
static uint64_t obj_generate(struct crypto_obj *o, uint64_t bits)
{
	if (bits <= CRYPTO_SECRET_MAX_BITS)
		bits = crypto_key_bits_with_parity(o->type, (uint32_t)bits);
	if (o->bits)
		ta_kill_current("TEE_GenerateKey: object already initialized");
	if (bits > o->max_bits || !crypto_key_size_ok(o->type, (uint32_t)bits))
		ta_kill_current("TEE_GenerateKey: key size not supported or above the maximum");
	if (tee_random(o->secret, bits / 8) != TEEC_SUCCESS)
		return TEEC_ERROR_GENERIC;
	crypto_key_set_parity(o->type, o->secret, bits / 8);
	o->bits = (uint32_t)bits;
	return TEEC_SUCCESS;
}

/* GP 5.5.6 TEE_CopyObjectAttributes1. */
static uint64_t obj_copy(struct crypto_obj *dst, const struct crypto_obj *src)
{
	if (dst->bits || !src->bits)
		ta_kill_current("TEE_CopyObjectAttributes1: destination initialized or source not");
	if (dst->type != src->type || src->bits > dst->max_bits)
		ta_kill_current("TEE_CopyObjectAttributes1: types differ or source too large");
	memcpy(dst->secret, src->secret, src->bits / 8);
	dst->bits = src->bits;
	dst->usage &= src->usage;
	return TEEC_SUCCESS;
}

static uint64_t op_alloc(struct crypto_state *s, const uint64_t *x)
{
	struct crypto_op *op;
	uint32_t h, ret;

	if (x[0] >> 32 || x[1] >> 32 || x[2] > CRYPTO_SECRET_MAX_BITS)
		return TEEC_ERROR_NOT_SUPPORTED;
	ret = crypto_op_alloc((uint32_t)x[0], (uint32_t)x[1], (uint32_t)x[2], &s->held, &op);
	if (ret)
		return ret;
	h = handle_alloc(&s->ops, op);
	if (!h || ta_copy_to(x[3], &h, sizeof(h))) {
		if (h)
			handle_release(&s->ops, h);
		crypto_op_free(op);
		return h ? TEEC_ERROR_ACCESS_DENIED : TEEC_ERROR_OUT_OF_MEMORY;
	}
	return TEEC_SUCCESS;
}

/* UPDATE and FINAL: input readable, output writable for the room the TA says it has. */
static uint64_t op_data(struct crypto_op *op, uint64_t nr, const uint64_t *x)
{
	struct ta_space *space = &current()->space;
	uint64_t room = 0, len;
	uint32_t ret;

	if (!ta_space_access_ok(space, x[1], x[2], TA_MAP_READ))
		ta_kill_current("crypto operation: input buffer not readable");
	if (x[4] && ta_copy_from(&room, x[4], sizeof(room)))
		ta_kill_current("crypto operation: output length not readable");
	if (room && !ta_space_access_ok(space, x[3], room, TA_MAP_READ | TA_MAP_WRITE))
		ta_kill_current("crypto operation: output buffer not writable");
	len = room;
	if (nr == TA_SYS_OP_UPDATE)
		ret = crypto_op_update(op, (uint32_t)x[5], (const uint8_t *)(uintptr_t)x[1], x[2],
				       (uint8_t *)(uintptr_t)x[3], &len);
	else
		ret = crypto_op_final(op, (uint32_t)x[5], (const uint8_t *)(uintptr_t)x[1], x[2],
				      (uint8_t *)(uintptr_t)x[3], &len);
	if (x[4] && ta_copy_to(x[4], &len, sizeof(len)))
		return TEEC_ERROR_ACCESS_DENIED;
	return ret;
}

/* TEE_AEInit: the nonce copied in (GCM's may be up to AE_NONCE_MAX bytes). */
static uint64_t op_ae_init(struct crypto_op *op, const uint64_t *x)
{
	uint8_t nonce[AE_NONCE_MAX];

	if (x[2] > sizeof(nonce)) {
		log_notice("TEE_AEInit: nonce of %lu bytes, over the %u taken", x[2], AE_NONCE_MAX);
		return TEEC_ERROR_NOT_SUPPORTED;
	}
	if (x[3] >> 32 || ta_copy_from(nonce, x[1], x[2]))
		ta_kill_current("TEE_AEInit: nonce unreadable or tag length out of range");
	return crypto_op_ae_init(op, nonce, x[2], (uint32_t)x[3], x[4], x[5]);
}

/* TEE_AEEncryptFinal / TEE_AEDecryptFinal: data as op_data, the tag through the kernel. */
static uint64_t op_ae_final(struct crypto_op *op, const uint64_t *x)
{
	struct ta_space *space = &current()->space;
	struct ta_ae_tag t;
	uint8_t tag[16] = {0};
	uint64_t room = 0, len, tag_len;
	uint32_t ret;

	if (ta_copy_from(&t, x[5], sizeof(t)) || t.decrypt > 1)
		ta_kill_current("AE final: tag descriptor not readable");
	if (!ta_space_access_ok(space, x[1], x[2], TA_MAP_READ))
		ta_kill_current("AE final: input buffer not readable");
	if (x[4] && ta_copy_from(&room, x[4], sizeof(room)))
		ta_kill_current("AE final: output length not readable");
	if (room && !ta_space_access_ok(space, x[3], room, TA_MAP_READ | TA_MAP_WRITE))
		ta_kill_current("AE final: output buffer not writable");
	tag_len = t.len;
	/* A tag longer than any AE tag cannot match; only its length matters then */
	if (t.decrypt && t.len <= sizeof(tag) && ta_copy_from(tag, t.buf, t.len))
		ta_kill_current("TEE_AEDecryptFinal: tag not readable");
	len = room;
	ret = crypto_op_ae_final(op, (int)t.decrypt, (const uint8_t *)(uintptr_t)x[1], x[2],
				 (uint8_t *)(uintptr_t)x[3], &len, tag, &tag_len);
	if (!t.decrypt && ret == TEEC_SUCCESS && ta_copy_to(t.buf, tag, tag_len))
		ta_kill_current("TEE_AEEncryptFinal: tag buffer not writable");
	memset(tag, 0, sizeof(tag));
	t.len = tag_len;
	if (!t.decrypt && ta_copy_to(x[5], &t, sizeof(t)))
		return TEEC_ERROR_ACCESS_DENIED;
	if (x[4] && ta_copy_to(x[4], &len, sizeof(len)))
		return TEEC_ERROR_ACCESS_DENIED;
	return ret;
}

static uint64_t op_call(struct crypto_state *s, uint64_t nr, const uint64_t *x)
{
	struct crypto_op *op = op_of(s, x[0], "operation call");
	struct ta_space *space = &current()->space;
	uint8_t iv[16];
	struct ta_op_info info;

	switch (nr) {
	case TA_SYS_OP_AE_INIT:
		return op_ae_init(op, x);
	case TA_SYS_OP_AE_AAD:
		if (!ta_space_access_ok(space, x[1], x[2], TA_MAP_READ))
			ta_kill_current("TEE_AEUpdateAAD: AAD buffer not readable");
		crypto_op_ae_aad(op, (const uint8_t *)(uintptr_t)x[1], x[2]);
		return TEEC_SUCCESS;
	case TA_SYS_OP_AE_FINAL:
		return op_ae_final(op, x);
	case TA_SYS_OP_INFO:
		crypto_op_info(op, &info);
		return ta_copy_to(x[1], &info, sizeof(info)) ? TEEC_ERROR_ACCESS_DENIED : 0;
	case TA_SYS_OP_RESET:
		crypto_op_reset(op);
		return TEEC_SUCCESS;
	case TA_SYS_OP_SET_KEY:
		crypto_op_set_key(op, x[1] ? obj_of(s, x[1], "TEE_SetOperationKey") : NULL);
		return TEEC_SUCCESS;
	case TA_SYS_OP_SET_KEY2:
		return crypto_op_set_key2(op, x[1] ? obj_of(s, x[1], "TEE_SetOperationKey2") : NULL,
					  x[2] ? obj_of(s, x[2], "TEE_SetOperationKey2") : NULL);
	case TA_SYS_OP_COPY:
		crypto_op_copy(op, op_of(s, x[1], "TEE_CopyOperation"));
		return TEEC_SUCCESS;
	case TA_SYS_OP_INIT:
		if (x[2] > sizeof(iv) || ta_copy_from(iv, x[1], x[2]))
			ta_kill_current("MACInit/CipherInit: IV unreadable or longer than a block");
		crypto_op_init(op, (uint32_t)x[3], iv, x[2]);
		return TEEC_SUCCESS;
	default:
		return op_data(op, nr, x);
	}
}

uint64_t ta_syscall_crypto(uint64_t nr, const uint64_t *x)
{
	struct crypto_state *s;

	if (nr == TA_SYS_ALG_SUPPORTED)
		return x[0] >> 32 || !crypto_alg_supported((uint32_t)x[0])
			   ? TEEC_ERROR_NOT_SUPPORTED
			   : TEEC_SUCCESS;
	s = crypto_state_of(current());
	if (!s)
		return TEEC_ERROR_OUT_OF_MEMORY;
	switch (nr) {
	case TA_SYS_OBJ_ALLOC:
		return obj_alloc(s, x[0], x[1], x[2]);
	case TA_SYS_OBJ_FREE:
		crypto_obj_free(obj_of(s, x[0], "TEE_FreeTransientObject"));
		handle_release(&s->objs, (uint32_t)x[0]);
		return TEEC_SUCCESS;
	case TA_SYS_OBJ_RESET:
		crypto_obj_reset(obj_of(s, x[0], "TEE_ResetTransientObject"));
		return TEEC_SUCCESS;
	case TA_SYS_OBJ_POPULATE:
		return obj_populate(obj_of(s, x[0], "TEE_PopulateTransientObject"), x[1], x[2]);
	case TA_SYS_OBJ_INFO:
		return obj_info(obj_of(s, x[0], "TEE_GetObjectInfo1"), x[1]);
	case TA_SYS_OBJ_GET_ATTR:
		return obj_get_attr(obj_of(s, x[0], "TEE_GetObjectBufferAttribute"), x[1], x[2],
				    x[3]);
	case TA_SYS_OBJ_GENERATE:
		return obj_generate(obj_of(s, x[0], "TEE_GenerateKey"), x[1]);
	case TA_SYS_OBJ_COPY:
		return obj_copy(obj_of(s, x[0], "TEE_CopyObjectAttributes1"),
				obj_of(s, x[1], "TEE_CopyObjectAttributes1"));
	case TA_SYS_OBJ_RESTRICT:
		/* GP 5.4.3: usage bits can only be taken away */
		obj_of(s, x[0], "TEE_RestrictObjectUsage1")->usage &= (uint32_t)x[1];
		return TEEC_SUCCESS;
	case TA_SYS_OP_ALLOC:
		return op_alloc(s, x);
	case TA_SYS_OP_FREE:
		crypto_op_free(op_of(s, x[0], "TEE_FreeOperation"));
		handle_release(&s->ops, (uint32_t)x[0]);
		return TEEC_SUCCESS;
	default:
		return op_call(s, nr, x);
	}
}
