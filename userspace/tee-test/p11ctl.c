// SPDX-License-Identifier: BSD-2-Clause
/* Building the PKCS#11 TA's control buffers for the pkcs11-abi cases (p11ctl.h). */
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "p11ctl.h"

void put(struct ctl *c, const void *v, size_t n)
{
	memcpy(c->b + c->len, v, n);
	c->len += n;
}

void put32(struct ctl *c, uint32_t v)
{
	put(c, &v, 4);
}

void start(struct ctl *c, uint32_t session)
{
	c->len = 0;
	put32(c, session);
}

void tmpl_open(struct ctl *c)
{
	c->head = c->len;
	c->count = 0;
	put32(c, 0);
	put32(c, 0);
}

void attr(struct ctl *c, uint32_t id, const void *v, uint32_t n)
{
	put32(c, id);
	put32(c, n);
	if (n)
		put(c, v, n);
	c->count++;
}

void attr_bool(struct ctl *c, uint32_t id, uint8_t v)
{
	attr(c, id, &v, 1);
}

void attr_u32(struct ctl *c, uint32_t id, uint32_t v)
{
	attr(c, id, &v, 4);
}

void tmpl_close(struct ctl *c)
{
	uint32_t size = c->len - c->head - 8;

	memcpy(c->b + c->head, &size, 4);
	memcpy(c->b + c->head + 4, &c->count, 4);
}

/* One command: ctl as p0, in (p1) and out (p2, in or out as out_dir says) when given. */
TEEC_Result call(TEEC_Session *s, uint32_t cmd, struct ctl *c, const void *in, size_t in_len,
		 void *out, size_t *out_len, bool out_in, uint32_t *rv)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, in ? TEEC_MEMREF_TEMP_INPUT : TEEC_NONE,
			     !out     ? TEEC_NONE
			     : out_in ? TEEC_MEMREF_TEMP_INPUT
				      : TEEC_MEMREF_TEMP_OUTPUT,
			     TEEC_NONE);
	op.params[0].tmpref.buffer = c->b;
	op.params[0].tmpref.size = c->len;
	op.params[1].tmpref.buffer = (void *)in;
	op.params[1].tmpref.size = in_len;
	op.params[2].tmpref.buffer = out;
	op.params[2].tmpref.size = out ? *out_len : 0;
	res = TEEC_InvokeCommand(s, cmd, &op, &origin);
	*rv = 0xdead;
	if ((res == TEEC_SUCCESS || res == TEEC_ERROR_SHORT_BUFFER) &&
	    op.params[0].tmpref.size == 4)
		memcpy(rv, c->b, 4);
	if (out)
		*out_len = op.params[2].tmpref.size;
	return res;
}

uint32_t rv_of(TEEC_Session *s, uint32_t cmd, struct ctl *c)
{
	uint32_t rv;

	call(s, cmd, c, NULL, 0, NULL, NULL, false, &rv);
	return rv;
}

/* A command answering a handle (or two) in p2 */
uint32_t rv_handle(TEEC_Session *s, uint32_t cmd, struct ctl *c, uint32_t *h, size_t n)
{
	size_t len = n * 4;
	uint32_t rv;

	call(s, cmd, c, NULL, 0, h, &len, false, &rv);
	return rv == P11_CKR_OK && len != n * 4 ? 0xbad : rv;
}

uint32_t simple(TEEC_Session *s, uint32_t cmd, uint32_t a0, uint32_t a1)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, a0);
	put32(c, a1);
	rv = rv_of(s, cmd, c);
	free(c);
	return rv;
}

uint32_t open_rw(TEEC_Session *s, bool rw, uint32_t *h)
{
	struct ctl c;

	c.len = 0;
	put32(&c, 0);
	put32(&c, P11_CKF_SERIAL_SESSION | (rw ? P11_CKF_RW_SESSION : 0));
	return rv_handle(s, P11_CMD_OPEN_SESSION, &c, h, 1);
}

uint32_t login_as(TEEC_Session *s, uint32_t h, uint32_t user, const char *pin)
{
	struct ctl c;

	start(&c, h);
	put32(&c, user);
	put32(&c, strlen(pin));
	put(&c, pin, strlen(pin));
	return rv_of(s, P11_CMD_LOGIN, &c);
}

uint32_t login_user(TEEC_Session *s, uint32_t h, const char *pin)
{
	return login_as(s, h, P11_CKU_USER, pin);
}

/* A data object {CLASS DATA, TOKEN token, PRIVATE priv, LABEL "x"} in session h */
void data_object(struct ctl *c, uint32_t h, bool token, bool priv)
{
	start(c, h);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr_bool(c, P11_CKA_TOKEN, token);
	attr_bool(c, P11_CKA_PRIVATE, priv);
	attr(c, P11_CKA_LABEL, "x", 1);
	tmpl_close(c);
}

/* GET_ATTRIBUTE_VALUE of one attribute given size bytes of room: its code, size and value */
uint32_t get_attr(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, uint32_t size,
		  uint32_t *got, uint8_t *val)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint8_t out[600];
	size_t len;
	uint32_t rv;

	start(c, h);
	put32(c, obj);
	tmpl_open(c);
	put32(c, id);
	put32(c, size);
	memset(c->b + c->len, 0, size);
	c->len += size;
	c->count = 1;
	tmpl_close(c);
	len = c->len - 8;
	call(s, P11_CMD_GET_ATTRIBUTE_VALUE, c, NULL, 0, out, &len, false, &rv);
	free(c);
	memcpy(got, out + 12, 4);
	if (val && *got <= size)
		memcpy(val, out + 16, *got);
	return rv;
}

/* FIND_OBJECTS_INIT with an empty template, FIND_OBJECTS into handles (*len bytes), FINAL */
static uint32_t find_every(TEEC_Session *s, uint32_t h, uint32_t *handles, size_t *len)
{
	struct ctl c;
	uint32_t rv = 0xdead;

	start(&c, h);
	tmpl_open(&c);
	tmpl_close(&c);
	if (rv_of(s, P11_CMD_FIND_OBJECTS_INIT, &c) != P11_CKR_OK)
		return 0xdead;
	start(&c, h);
	call(s, P11_CMD_FIND_OBJECTS, &c, NULL, 0, handles, len, false, &rv);
	start(&c, h);
	rv_of(s, P11_CMD_FIND_OBJECTS_FINAL, &c);
	return rv;
}

/* FIND_OBJECTS with an empty template: its code, and whether want is one of the handles */
uint32_t find_all(TEEC_Session *s, uint32_t h, uint32_t want, bool *found)
{
	uint32_t handles[64], rv;
	size_t len = sizeof(handles);

	*found = false;
	rv = find_every(s, h, handles, &len);
	for (size_t i = 0; rv == P11_CKR_OK && i < len / 4; i++)
		*found |= handles[i] == want;
	return rv;
}

/* The number of objects session h sees (0xdead if the search fails) */
uint32_t objects_seen(TEEC_Session *s, uint32_t h)
{
	uint32_t handles[64];
	size_t len = sizeof(handles);

	return find_every(s, h, handles, &len) == P11_CKR_OK ? len / 4 : 0xdead;
}

/* SET_ATTRIBUTE_VALUE of one attribute of obj, or COPY_OBJECT with it (the copy in *copy) */
uint32_t set_attr(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, const void *v,
		  uint32_t len, uint32_t *copy)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	if (!c)
		return 0xdead;
	start(c, h);
	put32(c, obj);
	tmpl_open(c);
	attr(c, id, v, len);
	tmpl_close(c);
	rv = copy ? rv_handle(s, P11_CMD_COPY_OBJECT, c, copy, 1)
		  : rv_of(s, P11_CMD_SET_ATTRIBUTE_VALUE, c);
	free(c);
	return rv;
}

/* A CK_BBOOL attribute of obj: 0 or 1, 0xbad if it cannot be read as one */
uint32_t bool_of(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id)
{
	uint32_t got = 0;
	uint8_t v[4] = {0xee};

	if (get_attr(s, h, obj, id, 1, &got, v) != P11_CKR_OK || got != 1)
		return 0xbad;
	return v[0];
}

uint32_t login_so(TEEC_Session *s, uint32_t h, const char *pin)
{
	return login_as(s, h, P11_CKU_SO, pin);
}

uint32_t op_init(TEEC_Session *s, uint32_t cmd, uint32_t session, uint32_t key, uint32_t mech,
		 const void *params, uint32_t len)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	if (!c)
		return 0xdead;
	start(c, session);
	put32(c, key);
	put32(c, mech);
	put32(c, len);
	if (len)
		put(c, params, len);
	rv = rv_of(s, cmd, c);
	free(c);
	return rv;
}
