/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Building the PKCS#11 TA's control buffers by hand (ta/include/rampart_pkcs11_ta.h), for the
 * pkcs11-abi cases: what a client library would send, and what it would never send.
 */
#ifndef TEE_TEST_P11CTL_H
#define TEE_TEST_P11CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_client_api.h>

/* A control buffer being built: [u32...][template]... */
struct ctl {
	uint8_t b[12 * 1024];
	size_t len;
	size_t head; /* where the open template's object head is */
	uint32_t count;
};

void put(struct ctl *c, const void *v, size_t n);
void put32(struct ctl *c, uint32_t v);
/* Starts a command's arguments with a session handle */
void start(struct ctl *c, uint32_t session);
/* A template: open, its attributes, close (fills in its head) */
void tmpl_open(struct ctl *c);
void attr(struct ctl *c, uint32_t id, const void *v, uint32_t n);
void attr_bool(struct ctl *c, uint32_t id, uint8_t v);
void attr_u32(struct ctl *c, uint32_t id, uint32_t v);
void tmpl_close(struct ctl *c);
/* One command: ctl as p0, in (p1) and out (p2, an input when out_in) when given */
TEEC_Result call(TEEC_Session *s, uint32_t cmd, struct ctl *c, const void *in, size_t in_len,
		 void *out, size_t *out_len, bool out_in, uint32_t *rv);
/* The PKCS#11 code of a command without data */
uint32_t rv_of(TEEC_Session *s, uint32_t cmd, struct ctl *c);
/* A command answering n handles in p2 (0xbad if it answers another size) */
uint32_t rv_handle(TEEC_Session *s, uint32_t cmd, struct ctl *c, uint32_t *h, size_t n);
/* A command of two 32-bit arguments */
uint32_t simple(TEEC_Session *s, uint32_t cmd, uint32_t a0, uint32_t a1);
uint32_t open_rw(TEEC_Session *s, bool rw, uint32_t *h);
/* LOGIN of user type user (P11_CKU_*) */
uint32_t login_as(TEEC_Session *s, uint32_t h, uint32_t user, const char *pin);
uint32_t login_user(TEEC_Session *s, uint32_t h, const char *pin);
uint32_t login_so(TEEC_Session *s, uint32_t h, const char *pin);
/* A data object {CLASS DATA, TOKEN token, PRIVATE priv, LABEL "x"} in session h */
void data_object(struct ctl *c, uint32_t h, bool token, bool priv);
/* GET_ATTRIBUTE_VALUE of one attribute given size bytes of room: its code, size and value */
uint32_t get_attr(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, uint32_t size,
		  uint32_t *got, uint8_t *val);
/* FIND_OBJECTS with an empty template: its code, and whether want is one of the handles */
uint32_t find_all(TEEC_Session *s, uint32_t h, uint32_t want, bool *found);
/* The number of objects session h sees (0xdead if the search fails) */
uint32_t objects_seen(TEEC_Session *s, uint32_t h);
/* SET_ATTRIBUTE_VALUE of one attribute of obj, or COPY_OBJECT with it (the copy in *copy) */
uint32_t set_attr(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, const void *v,
		  uint32_t len, uint32_t *copy);
/* A CK_BBOOL attribute of obj: 0 or 1, 0xbad if it cannot be read as one */
uint32_t bool_of(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id);
/*
 * ENCRYPT_INIT, SIGN_INIT and the like: [session][key][mechanism, params of len bytes], its
 * code.
 */
uint32_t op_init(TEEC_Session *s, uint32_t cmd, uint32_t session, uint32_t key, uint32_t mech,
		 const void *params, uint32_t len);

/*
 * A case's check of a PKCS#11 code: counts it in n, or frees the case's control buffer c and
 * fails the case naming what was asked, the code got and the code wanted.
 */
#define WANT(what, got, want)                                                                      \
	do {                                                                                       \
		uint32_t g_ = (got);                                                               \
		if (g_ != (uint32_t)(want)) {                                                      \
			free(c);                                                                   \
			return fail("%s: %#x, not %#x", what, g_, (uint32_t)(want));               \
		}                                                                                  \
		n++;                                                                               \
	} while (0)

/* A case's destruction of object k in its session rw of client a, checked as WANT does */
#define DESTROY(k) WANT("destroy " #k, simple(a, P11_CMD_DESTROY_OBJECT, rw, k), P11_CKR_OK)

#endif
