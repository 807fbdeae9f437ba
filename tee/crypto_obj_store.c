// SPDX-License-Identifier: BSD-2-Clause
/*
 * The attributes of an object as a list (crypto_obj.h, struct crypto_attr_ref), for trusted
 * storage. The symmetric types hold one attribute, TEE_ATTR_SECRET_VALUE (GP 5.5.1 Table 5-9);
 * a type that holds more lists each of them here and takes them back in crypto_obj_restore.
 */
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_obj.h"

int crypto_obj_attr_at(const struct crypto_obj *o, uint32_t i, struct crypto_attr_ref *out)
{
	if (!o->bits || o->max_bits == 0 || i > 0)
		return -1;
	out->id = GP_ATTR_SECRET_VALUE;
	out->buf = o->secret;
	out->len = o->bits / 8;
	return 0;
}

uint32_t crypto_obj_restore(struct crypto_obj *o, const struct crypto_attr_ref *attrs, uint32_t n,
			    uint32_t bits)
{
	if (n != 1 || attrs[0].id != GP_ATTR_SECRET_VALUE || attrs[0].len * 8 != bits ||
	    bits > o->max_bits || !crypto_key_size_ok(o->type, bits))
		return TEEC_ERROR_BAD_FORMAT;
	memcpy(o->secret, attrs[0].buf, attrs[0].len);
	o->bits = bits;
	return TEEC_SUCCESS;
}
