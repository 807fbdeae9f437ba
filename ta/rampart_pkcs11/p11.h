/* SPDX-License-Identifier: BSD-2-Clause */
/* The PKCS#11 token TA's parts: sessions (session.c), the token record (token.c), PINs (pin.c). */
#ifndef P11_H
#define P11_H

#include <rampart_pkcs11_ta.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The one slot, and its token (docs/pkcs11.md). */
#define P11_SLOT_ID 0u
/* PIN lengths in bytes: the bounds optee_test's pkcs11 cases use. */
#define P11_PIN_MIN 4u
#define P11_PIN_MAX 128u
/* Wrong PINs in a row before a PIN locks (PKCS#11 v2.40 leaves the number to the token). */
#define P11_PIN_TRIES	 3u
#define P11_MAX_SESSIONS 32u
#define P11_SALT_SIZE	 16u
#define P11_HASH_SIZE	 32u

/* A reader over a command's control arguments (a private copy of p0, never shared memory). */
struct p11_args {
	const uint8_t *p;
	size_t left;
};
bool p11_get_u32(struct p11_args *a, uint32_t *v);
bool p11_get_bytes(struct p11_args *a, size_t n, const uint8_t **v);

/* One connection of a client application (a GP session); PKCS#11 login state is per
 * application (PKCS#11 v2.40 5.6: all sessions of an application share it). */
struct p11_client {
	bool logged_in;
	uint32_t user; /* P11_CKU_SO or P11_CKU_USER while logged_in */
};

/* The token as stored: one GP persistent object, rewritten whole (atomically) on a change. */
struct p11_token_rec {
	uint32_t magic;
	uint32_t initialised;
	uint8_t label[32];
	uint8_t salt[P11_SALT_SIZE];
	uint8_t so_hash[P11_HASH_SIZE];
	uint8_t user_hash[P11_HASH_SIZE];
	uint32_t user_pin_set;
	uint32_t so_fails;
	uint32_t user_fails;
};

/* token.c */
extern struct p11_token_rec p11_token;
uint32_t p11_token_load(void);
uint32_t p11_token_save(void);
uint32_t p11_token_flags(void);
void p11_token_serial(uint8_t out[16]);

/* pin.c: hash and check PINs, counting failures in the stored record. */
uint32_t p11_pin_hash(const uint8_t salt[P11_SALT_SIZE], uint32_t user, const uint8_t *pin,
		      size_t len, uint8_t out[P11_HASH_SIZE]);
uint32_t p11_pin_check(uint32_t user, const uint8_t *pin, size_t len);
uint32_t p11_pin_set(uint32_t user, const uint8_t *pin, size_t len);

/* session.c */
uint32_t p11_session_open(struct p11_client *c, uint32_t flags, uint32_t *handle);
uint32_t p11_session_close(struct p11_client *c, uint32_t handle);
void p11_session_close_all(struct p11_client *c);
uint32_t p11_session_find(struct p11_client *c, uint32_t handle, bool *rw);
uint32_t p11_session_state(struct p11_client *c, bool rw);
void p11_session_count(uint32_t *all, uint32_t *rw);
bool p11_client_has_ro(struct p11_client *c);
bool p11_any_session(void);

/* The commands (entry.c dispatches; session.c and token.c implement). */
uint32_t p11_cmd_open_session(struct p11_client *c, struct p11_args *a, uint32_t *handle);
uint32_t p11_cmd_login(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_logout(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_init_token(struct p11_args *a);
uint32_t p11_cmd_init_pin(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_set_pin(struct p11_client *c, struct p11_args *a);

#endif
