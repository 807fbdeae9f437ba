// SPDX-License-Identifier: BSD-2-Clause
/*
 * Transient objects (GP TEE Internal Core API v1.3.1 chapter 5) and each instance's tables of
 * objects and operations. Secrets are zeroed before their memory goes back to the heap.
 */
#include "crypto_obj.h"

#include <mbedtls/des.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_nettle.h"
#include "heap.h"
#include "storage_obj.h"
#include "ta.h"

#define KIND_OBJECT    1
#define KIND_OPERATION 2

struct crypto_state *crypto_state_of(struct ta_instance *inst)
{
	if (!inst->crypto) {
		inst->crypto = kcalloc(1, sizeof(*inst->crypto));
		if (!inst->crypto)
			return NULL;
		handle_table_init(&inst->crypto->objs, KIND_OBJECT);
		handle_table_init(&inst->crypto->ops, KIND_OPERATION);
	}
	return inst->crypto;
}

void crypto_state_free(struct ta_instance *inst)
{
	struct crypto_state *s = inst->crypto;

	if (!s)
		return;
	for (uint32_t i = 0; i < HANDLE_TABLE_SLOTS; i++) {
		if (handle_slot(&s->objs, i))
			crypto_obj_free(handle_slot(&s->objs, i));
		if (handle_slot(&s->ops, i))
			crypto_op_free(handle_slot(&s->ops, i));
	}
	storage_state_free(s->storage);
	crypto_call_clear(&s->call);
	kfree(s);
	inst->crypto = NULL;
}

static void free_zeroed(uint8_t *p, size_t len)
{
	if (p) {
		memset(p, 0, len);
		kfree(p);
	}
}

void crypto_call_clear(struct crypto_call *c)
{
	for (uint32_t i = 0; i < c->n_attrs; i++)
		free_zeroed(c->attrs[i].data, c->attrs[i].len);
	free_zeroed(c->in, c->in_len);
	free_zeroed(c->out, c->out_len);
	memset(c, 0, sizeof(*c));
}

int crypto_held_take(size_t *held, size_t n)
{
	if (n > CRYPTO_HELD_MAX - *held)
		return -1;
	*held += n;
	return 0;
}

void crypto_held_give(size_t *held, size_t n)
{
	*held -= n;
}

/* GP 5.5.1 Table 5-9: the key sizes each type takes. */
int crypto_key_size_ok(uint32_t type, uint32_t bits)
{
	uint32_t min, max;

	switch (type) {
	case GP_TYPE_AES:
		return bits == 128 || bits == 192 || bits == 256;
	case GP_TYPE_DES:
		return bits == 64;
	case GP_TYPE_DES3: /* keying options 2 (K1, K2, K1) and 1 (three keys) */
		return bits == 128 || bits == 192;
	case GP_TYPE_HMAC_MD5:
		min = 64, max = 512;
		break;
	case GP_TYPE_HMAC_SHA1:
		min = 80, max = 512;
		break;
	case GP_TYPE_HMAC_SHA224:
		min = 112, max = 512;
		break;
	case GP_TYPE_HMAC_SHA256:
		min = 192, max = 1024;
		break;
	case GP_TYPE_HMAC_SHA384:
	case GP_TYPE_HMAC_SHA512:
		min = 256, max = 1024;
		break;
	case GP_TYPE_HMAC_SM3: /* OP-TEE's range (GP 1.3.1 does not list the type) */
		min = 80, max = 1024;
		break;
	case GP_TYPE_GENERIC_SECRET:
	case GP_TYPE_HKDF_IKM: /* OP-TEE's KDF inputs: secrets of up to 4096 bits */
	case GP_TYPE_CONCAT_KDF_Z:
	case GP_TYPE_PBKDF2_PASSWORD:
		min = 8, max = CRYPTO_SECRET_MAX_BITS;
		break;
	case GP_TYPE_RSA_PUBLIC_KEY:
	case GP_TYPE_RSA_KEYPAIR:
		/* GP: 256 bits at least; 4096 is what the trusted OS's bignums take */
		return bits >= 256 && bits <= 4096;
	case GP_TYPE_DH_KEYPAIR:
		return bits >= 256 && bits <= 2048;
	case GP_TYPE_ECDSA_PUBLIC_KEY:
	case GP_TYPE_ECDSA_KEYPAIR:
	case GP_TYPE_ECDH_PUBLIC_KEY:
	case GP_TYPE_ECDH_KEYPAIR:
		/* the NIST curves P-192 to P-521, named by their size */
		return bits == 192 || bits == 224 || bits == 256 || bits == 384 || bits == 521;
	case GP_TYPE_DSA_PUBLIC_KEY:
	case GP_TYPE_DSA_KEYPAIR:
		return crypto_dsa_size_ok(bits);
	case GP_TYPE_ED25519_PUBLIC_KEY:
	case GP_TYPE_ED25519_KEYPAIR:
	case GP_TYPE_X25519_PUBLIC_KEY:
	case GP_TYPE_X25519_KEYPAIR:
		return bits == 256;
	default:
		return 0;
	}
	return bits >= min && bits <= max && bits % 8 == 0;
}

uint32_t crypto_key_bits_with_parity(uint32_t type, uint32_t bits)
{
	if ((type == GP_TYPE_DES && bits == 56) ||
	    (type == GP_TYPE_DES3 && (bits == 112 || bits == 168)))
		return bits + bits / 7;
	return bits;
}

void crypto_key_set_parity(uint32_t type, uint8_t *key, size_t len)
{
	if (type != GP_TYPE_DES && type != GP_TYPE_DES3)
		return;
	for (size_t i = 0; i + MBEDTLS_DES_KEY_SIZE <= len; i += MBEDTLS_DES_KEY_SIZE)
		mbedtls_des_key_set_parity(key + i);
}

uint32_t crypto_obj_alloc(uint32_t type, uint32_t max_bits, struct crypto_obj **out)
{
	struct crypto_obj *o;

	max_bits = crypto_key_bits_with_parity(type, max_bits);
	/* GP 5.5.1: an unknown type or a size the type does not take is NOT_SUPPORTED. */
	if (!crypto_key_size_ok(type, max_bits))
		return TEEC_ERROR_NOT_SUPPORTED;
	o = kcalloc(1, sizeof(*o));
	if (!o)
		return TEEC_ERROR_OUT_OF_MEMORY;
	o->type = type;
	o->max_bits = max_bits;
	o->usage = 0xFFFFFFFFU; /* GP 5.5.1: a new transient object allows every usage */
	*out = o;
	return TEEC_SUCCESS;
}

const struct crypto_attr *crypto_obj_attr(const struct crypto_obj *o, uint32_t id)
{
	for (uint32_t i = 0; i < o->n_attrs; i++)
		if (o->attrs[i].id == id)
			return &o->attrs[i];
	return NULL;
}

const uint8_t *crypto_obj_secret(const struct crypto_obj *o)
{
	const struct crypto_attr *a = crypto_obj_attr(o, GP_ATTR_SECRET_VALUE);

	return a ? a->data : NULL;
}

uint8_t *crypto_obj_add_ref(struct crypto_obj *o, uint32_t id, const void *data, size_t len)
{
	struct crypto_attr *a;

	if (o->n_attrs == CRYPTO_OBJ_ATTRS || len > UINT32_MAX)
		return NULL;
	a = &o->attrs[o->n_attrs];
	/* one byte at least, so an empty attribute still has a buffer to point at */
	a->data = kcalloc(1, len ? len : 1);
	if (!a->data)
		return NULL;
	if (data && len)
		memcpy(a->data, data, len);
	a->id = id;
	a->len = (uint32_t)len;
	a->a = a->b = 0;
	o->n_attrs++;
	return a->data;
}

int crypto_obj_add_value(struct crypto_obj *o, uint32_t id, uint32_t va, uint32_t vb)
{
	struct crypto_attr *a;

	if (o->n_attrs == CRYPTO_OBJ_ATTRS)
		return -1;
	a = &o->attrs[o->n_attrs++];
	a->id = id;
	a->len = 0;
	a->data = NULL;
	a->a = va;
	a->b = vb;
	for (int i = 0; i < 4; i++) {
		a->value[i] = (uint8_t)(va >> (8 * i));
		a->value[4 + i] = (uint8_t)(vb >> (8 * i));
	}
	return 0;
}

int crypto_obj_attr_at(const struct crypto_obj *o, uint32_t i, struct crypto_attr_ref *out)
{
	const struct crypto_attr *a;

	if (!o->bits || i >= o->n_attrs)
		return -1;
	a = &o->attrs[i];
	out->id = a->id;
	if (a->id & GP_ATTR_FLAG_VALUE) {
		out->buf = a->value;
		out->len = sizeof(a->value);
	} else {
		out->buf = a->data;
		out->len = a->len;
	}
	return 0;
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t crypto_obj_restore(struct crypto_obj *o, const struct crypto_attr_ref *attrs, uint32_t n,
			    uint32_t bits)
{
	if (o->bits || !n || n > CRYPTO_OBJ_ATTRS || !bits || bits > o->max_bits)
		return TEEC_ERROR_BAD_FORMAT;
	for (uint32_t i = 0; i < n; i++) {
		const struct crypto_attr_ref *r = &attrs[i];
		int bad;

		if (crypto_obj_attr(o, r->id) || ((r->id & GP_ATTR_FLAG_VALUE) && r->len != 8) ||
		    r->len > UINT32_MAX) {
			crypto_obj_clear(o);
			return TEEC_ERROR_BAD_FORMAT;
		}
		bad = r->id & GP_ATTR_FLAG_VALUE
			  ? crypto_obj_add_value(o, r->id, le32(r->buf), le32(r->buf + 4))
			  : !crypto_obj_add_ref(o, r->id, r->buf, r->len);
		if (bad) {
			crypto_obj_clear(o);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

void crypto_obj_clear(struct crypto_obj *o)
{
	for (uint32_t i = 0; i < o->n_attrs; i++) {
		struct crypto_attr *a = &o->attrs[i];

		if (a->data) {
			memset(a->data, 0, a->len);
			kfree(a->data);
		}
		memset(a, 0, sizeof(*a));
	}
	o->n_attrs = 0;
	o->bits = 0;
}

uint32_t crypto_obj_copy_attrs(struct crypto_obj *dst, const struct crypto_obj *src)
{
	for (uint32_t i = 0; i < src->n_attrs; i++) {
		const struct crypto_attr *a = &src->attrs[i];
		int bad = a->id & GP_ATTR_FLAG_VALUE
			      ? crypto_obj_add_value(dst, a->id, a->a, a->b)
			      : !crypto_obj_add_ref(dst, a->id, a->data, a->len);

		if (bad) {
			crypto_obj_clear(dst);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
	}
	dst->bits = src->bits;
	return TEEC_SUCCESS;
}

void crypto_obj_reset(struct crypto_obj *o)
{
	crypto_obj_clear(o);
	o->usage = 0xFFFFFFFFU;
}

void crypto_obj_free(struct crypto_obj *o)
{
	if (o->pers)
		pstore_close(o->pers); /* TEE_CloseObject of a persistent object (GP 5.5.5) */
	crypto_obj_reset(o);
	kfree(o);
}
