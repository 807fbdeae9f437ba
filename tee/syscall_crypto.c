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
#include "crypto_asym.h"
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

/* A buffer attribute the TA passes is copied in; this is the most taken (an OAEP label, HKDF
 * info: far above any key part, RSA-4096's being 512 bytes). */
#define ATTR_BUF_MAX 4096

/*
 * The TA's TEE_Attribute array (struct ta_attr) into kernel copies in c (the instance's
 * struct crypto_call, cleared by the caller when the call ends, or with the instance if it dies
 * first): SUCCESS, OUT_OF_MEMORY, or BAD_PARAMETERS for a buffer over ATTR_BUF_MAX; an
 * unreadable array or buffer kills the TA.
 */
static uint32_t attrs_load(uint64_t va, uint64_t count, struct crypto_call *c, const char *fn)
{
	struct ta_attr in[ATTRS_MAX];
	char why[96];

	crypto_call_clear(c);
	if (count > ATTRS_MAX || ta_copy_from(in, va, count * sizeof(in[0]))) {
		snprintf(why, sizeof(why), "%s: attribute array unreadable or over %u", fn,
			 ATTRS_MAX);
		ta_kill_current(why);
	}
	for (uint64_t i = 0; i < count; i++) {
		struct crypto_attr *a = &c->attrs[c->n_attrs++];

		a->id = in[i].id;
		if (in[i].id & GP_ATTR_FLAG_VALUE) {
			/* GP's values are 32 bits each */
			a->a = (uint32_t)in[i].a;
			a->b = (uint32_t)in[i].b;
			continue;
		}
		if (in[i].b > ATTR_BUF_MAX) {
			log_notice("%s: attribute %#x of %lu bytes, over the %u taken", fn,
				   in[i].id, in[i].b, ATTR_BUF_MAX);
			return TEEC_ERROR_BAD_PARAMETERS;
		}
		a->data = kcalloc(1, in[i].b ? in[i].b : 1);
		if (!a->data)
			return TEEC_ERROR_OUT_OF_MEMORY;
		a->len = (uint32_t)in[i].b;
		if (ta_copy_from(a->data, in[i].a, in[i].b)) {
			snprintf(why, sizeof(why), "%s: attribute buffer unreadable", fn);
			ta_kill_current(why);
		}
	}
	return TEEC_SUCCESS;
}

/* The attribute that holds a secret-value type's key. */
static uint32_t secret_attr_id(uint32_t type)
{
	switch (type) {
	case GP_TYPE_HKDF_IKM:
		return GP_ATTR_HKDF_IKM;
	case GP_TYPE_CONCAT_KDF_Z:
		return GP_ATTR_CONCAT_KDF_Z;
	case GP_TYPE_PBKDF2_PASSWORD:
		return GP_ATTR_PBKDF2_PASSWORD;
	default:
		return GP_ATTR_SECRET_VALUE;
	}
}

/* GP 5.5.4 TEE_PopulateTransientObject for a secret-value type. */
static uint32_t populate_secret(struct crypto_obj *o, const struct crypto_attr *attrs, size_t n)
{
	uint32_t id = secret_attr_id(o->type);

	if (n != 1 || attrs[0].id != id)
		ta_kill_current(
		    n == 1 ? "TEE_PopulateTransientObject: attribute not defined for the type"
			   : "TEE_PopulateTransientObject: one secret attribute expected");
	if (attrs[0].len > o->max_bits / 8)
		ta_kill_current(
		    "TEE_PopulateTransientObject: secret larger than the object's maximum");
	/* A length the type does not take is an "incorrect attribute value": BAD_PARAMETERS. */
	if (!crypto_key_size_ok(o->type, attrs[0].len * 8))
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!crypto_obj_add_ref(o, id, attrs[0].data, attrs[0].len))
		return TEEC_ERROR_OUT_OF_MEMORY;
	o->bits = attrs[0].len * 8;
	return TEEC_SUCCESS;
}

static uint64_t obj_populate(struct crypto_state *s, struct crypto_obj *o, uint64_t attrs_va,
			     uint64_t count)
{
	struct crypto_call *c = &s->call;
	uint32_t ret;

	if (o->bits)
		ta_kill_current("TEE_PopulateTransientObject: object already initialized");
	ret = attrs_load(attrs_va, count, c, "TEE_PopulateTransientObject");
	if (!ret && crypto_type_is_asym(o->type))
		ret = crypto_keys_populate(o, c->attrs, c->n_attrs);
	else if (!ret)
		ret = populate_secret(o, c->attrs, c->n_attrs);
	crypto_call_clear(c);
	return ret;
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

/*
 * GP 5.4.4 TEE_GetObjectBufferAttribute and 5.4.5 TEE_GetObjectValueAttribute: a protected
 * attribute (bit 28 clear: a secret or private part) leaves the trusted OS only from an
 * extractable object; asking for one otherwise is a panic.
 */
static const struct crypto_attr *readable_attr(const struct crypto_obj *o, uint64_t id, int value,
					       const char *fn)
{
	const struct crypto_attr *a = id >> 32 ? NULL : crypto_obj_attr(o, (uint32_t)id);
	char why[96];

	if (!(id & GP_ATTR_FLAG_VALUE) != !value) {
		snprintf(why, sizeof(why), "%s: a %s attribute", fn, value ? "buffer" : "value");
		ta_kill_current(why);
	}
	if (a && !(a->id & GP_ATTR_FLAG_PUBLIC) && !(o->usage & GP_USAGE_EXTRACTABLE)) {
		snprintf(why, sizeof(why), "%s: protected attribute of a non-extractable object",
			 fn);
		ta_kill_current(why);
	}
	return a;
}

static uint64_t obj_get_attr(const struct crypto_obj *o, uint64_t id, uint64_t buf,
			     uint64_t size_va)
{
	const struct crypto_attr *a = readable_attr(o, id, 0, "TEE_GetObjectBufferAttribute");
	uint64_t room, len;

	if (!a)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	len = a->len;
	if (ta_copy_from(&room, size_va, sizeof(room)))
		return TEEC_ERROR_ACCESS_DENIED;
	if (ta_copy_to(size_va, &len, sizeof(len)))
		return TEEC_ERROR_ACCESS_DENIED;
	if (room < len)
		return TEEC_ERROR_SHORT_BUFFER;
	return ta_copy_to(buf, a->data, len) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

static uint64_t obj_get_value(const struct crypto_obj *o, uint64_t id, uint64_t va)
{
	const struct crypto_attr *a = readable_attr(o, id, 1, "TEE_GetObjectValueAttribute");
	uint32_t v[2];

	if (!a)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	v[0] = a->a;
	v[1] = a->b;
	return ta_copy_to(va, v, sizeof(v)) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

/* GP 5.5.7 TEE_GenerateKey: a secret from the DRBG, or a key pair (crypto_keys.c). */
static uint64_t obj_generate(struct crypto_state *s, struct crypto_obj *o, uint64_t bits,
			     uint64_t params_va, uint64_t count)
{
	struct crypto_call *c = &s->call;
	uint32_t ret;
	uint8_t *secret;

	if (bits <= CRYPTO_SECRET_MAX_BITS)
		bits = crypto_key_bits_with_parity(o->type, (uint32_t)bits);
	if (o->bits)
		ta_kill_current("TEE_GenerateKey: object already initialized");
	if (bits > o->max_bits || !crypto_key_size_ok(o->type, (uint32_t)bits))
		ta_kill_current("TEE_GenerateKey: key size not supported or above the maximum");
	ret = attrs_load(params_va, count, c, "TEE_GenerateKey");
	if (!ret && crypto_type_is_asym(o->type))
		ret = crypto_keys_generate(o, (uint32_t)bits, c->attrs, c->n_attrs);
	crypto_call_clear(c);
	/* GP 5.5.7: a secret type takes no parameters */
	if (ret || crypto_type_is_asym(o->type))
		return ret;
	secret = crypto_obj_add_ref(o, secret_attr_id(o->type), NULL, bits / 8);
	if (!secret)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (tee_random(secret, bits / 8) != TEEC_SUCCESS) {
		crypto_obj_clear(o);
		return TEEC_ERROR_GENERIC;
	}
	crypto_key_set_parity(o->type, secret, bits / 8);
	o->bits = (uint32_t)bits;
	return TEEC_SUCCESS;
}

/* GP 5.5.6 TEE_CopyObjectAttributes1: same type, or a key pair's public half into a public
 * key object of the same algorithm. */
static uint64_t obj_copy(struct crypto_obj *dst, const struct crypto_obj *src)
{
	int public_half = (src->type & GP_TYPE_KEYPAIR_FLAG) &&
			  dst->type == (src->type & ~GP_TYPE_KEYPAIR_FLAG) &&
			  crypto_type_is_asym(dst->type);
	uint32_t ret;

	if (dst->bits || !src->bits)
		ta_kill_current("TEE_CopyObjectAttributes1: destination initialized or source not");
	if ((dst->type != src->type && !public_half) || src->bits > dst->max_bits)
		ta_kill_current("TEE_CopyObjectAttributes1: types differ or source too large");
	ret = crypto_obj_copy_attrs(dst, src);
	if (ret)
		return ret;
	if (public_half) { /* drop the private parts (those without the public bit) */
		struct crypto_obj *o = dst;
		uint32_t kept = 0;

		for (uint32_t i = 0; i < o->n_attrs; i++) {
			if (o->attrs[i].id & GP_ATTR_FLAG_PUBLIC) {
				o->attrs[kept++] = o->attrs[i];
				continue;
			}
			memset(o->attrs[i].data, 0, o->attrs[i].len);
			kfree(o->attrs[i].data);
		}
		memset(&o->attrs[kept], 0, (o->n_attrs - kept) * sizeof(o->attrs[0]));
		o->n_attrs = kept;
	}
	dst->usage &= src->usage;
	return TEEC_SUCCESS;
}

/* The most an asymmetric call reads or writes: an RSA-4096 block is 512 bytes, a P-521
 * signature 132; digests for ECDSA may be longer than the curve (they are truncated). */
#define ASYM_IO_MAX 1024
/* The input may be longer: TEE_ALG_ED25519 signs and verifies the message itself (GP 1.3.1
 * 6.8.4), which the trusted OS copies in whole. */
#define ASYM_IN_MAX (64 * 1024)

/* TEE_AsymmetricEncrypt/Decrypt/SignDigest and VerifyDigest: everything through kernel copies. */
static uint64_t asym_call(struct crypto_state *s, uint64_t nr, const uint64_t *x)
{
	struct crypto_op *op = op_of(s, x[0], "asymmetric operation");
	struct crypto_call *c = &s->call;
	struct ta_asym_io io;
	size_t out_len;
	uint32_t ret;

	if (ta_copy_from(&io, nr == TA_SYS_ASYM_CRYPT ? x[4] : x[3], sizeof(io)))
		ta_kill_current("asymmetric operation: buffer descriptor unreadable");
	if (io.in_len > ASYM_IN_MAX || (nr == TA_SYS_ASYM_VERIFY && io.out_len > ASYM_IO_MAX))
		return TEEC_ERROR_BAD_PARAMETERS;
	ret = attrs_load(x[1], x[2], c, "asymmetric operation");
	if (ret)
		goto done;
	c->in_len = io.in_len;
	c->in = kcalloc(1, io.in_len ? io.in_len : 1);
	c->out_len = ASYM_IO_MAX;
	c->out = kcalloc(1, ASYM_IO_MAX);
	if (!c->in || !c->out) {
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto done;
	}
	if (ta_copy_from(c->in, io.in, io.in_len))
		ta_kill_current("asymmetric operation: input buffer unreadable");
	if (nr == TA_SYS_ASYM_VERIFY) {
		if (ta_copy_from(c->out, io.out, io.out_len))
			ta_kill_current("TEE_AsymmetricVerifyDigest: signature unreadable");
		ret = crypto_op_verify(op, c->attrs, c->n_attrs, c->in, io.in_len, c->out,
				       io.out_len);
		goto done;
	}
	if (x[3] > 2)
		ta_kill_current("asymmetric operation: not a mode of the GP functions");
	out_len = io.out_len < ASYM_IO_MAX ? io.out_len : ASYM_IO_MAX;
	ret = crypto_op_asym(op, (uint32_t)x[3], c->attrs, c->n_attrs, c->in, io.in_len, c->out,
			     &out_len);
	if (ret == TEEC_SUCCESS && ta_copy_to(io.out, c->out, out_len))
		ta_kill_current("asymmetric operation: output buffer not writable");
	if (ret == TEEC_SUCCESS || ret == TEEC_ERROR_SHORT_BUFFER) {
		io.out_len = out_len;
		if (ta_copy_to(x[4], &io, sizeof(io)))
			ta_kill_current("asymmetric operation: buffer descriptor not writable");
	}
done:
	crypto_call_clear(c);
	return ret;
}

static uint64_t op_derive(struct crypto_state *s, const uint64_t *x)
{
	struct crypto_op *op = op_of(s, x[0], "TEE_DeriveKey");
	struct crypto_obj *derived = obj_of(s, x[3], "TEE_DeriveKey");
	struct crypto_call *c = &s->call;
	uint32_t ret = attrs_load(x[1], x[2], c, "TEE_DeriveKey");

	if (!ret)
		ret = crypto_op_derive(op, c->attrs, c->n_attrs, derived);
	crypto_call_clear(c);
	return ret;
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
		return crypto_op_set_key(op, x[1] ? obj_of(s, x[1], "TEE_SetOperationKey") : NULL);
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
		return x[0] >> 32 || x[1] >> 32 ||
			       !crypto_alg_supported((uint32_t)x[0], (uint32_t)x[1])
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
		return obj_populate(s, obj_of(s, x[0], "TEE_PopulateTransientObject"), x[1], x[2]);
	case TA_SYS_OBJ_INFO:
		return obj_info(obj_of(s, x[0], "TEE_GetObjectInfo1"), x[1]);
	case TA_SYS_OBJ_GET_ATTR:
		return obj_get_attr(obj_of(s, x[0], "TEE_GetObjectBufferAttribute"), x[1], x[2],
				    x[3]);
	case TA_SYS_OBJ_GENERATE:
		return obj_generate(s, obj_of(s, x[0], "TEE_GenerateKey"), x[1], 0, 0);
	case TA_SYS_OBJ_GENERATE2:
		return obj_generate(s, obj_of(s, x[0], "TEE_GenerateKey"), x[1], x[2], x[3]);
	case TA_SYS_OBJ_GET_VALUE:
		return obj_get_value(obj_of(s, x[0], "TEE_GetObjectValueAttribute"), x[1], x[2]);
	case TA_SYS_ASYM_CRYPT:
	case TA_SYS_ASYM_VERIFY:
		return asym_call(s, nr, x);
	case TA_SYS_OP_DERIVE:
		return op_derive(s, x);
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
