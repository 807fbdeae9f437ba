// SPDX-License-Identifier: BSD-2-Clause
/*
 * Transient objects (GP TEE Internal Core API v1.3.1 chapter 5) and each instance's tables of
 * objects and operations. Secrets are zeroed before their memory goes back to the heap.
 */
#include "crypto_obj.h"

#include <mbedtls/des.h>
#include <rampart/optee_abi.h>
#include <string.h>

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
	kfree(s);
	inst->crypto = NULL;
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
	case GP_TYPE_GENERIC_SECRET:
		min = 8, max = CRYPTO_SECRET_MAX_BITS;
		break;
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
	o->secret = kcalloc(1, max_bits / 8);
	if (!o->secret) {
		kfree(o);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	o->type = type;
	o->max_bits = max_bits;
	o->usage = 0xFFFFFFFFU; /* GP 5.5.1: a new transient object allows every usage */
	*out = o;
	return TEEC_SUCCESS;
}

void crypto_obj_reset(struct crypto_obj *o)
{
	memset(o->secret, 0, o->max_bits / 8);
	o->bits = 0;
	o->usage = 0xFFFFFFFFU;
}

void crypto_obj_free(struct crypto_obj *o)
{
	if (o->pers)
		pstore_close(o->pers); /* TEE_CloseObject of a persistent object (GP 5.5.5) */
	crypto_obj_reset(o);
	kfree(o->secret);
	kfree(o);
}
