/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PKCS#11 token TA's parts: sessions (session.c), the token record (token.c), PINs (pin.c),
 * attribute lists (attrs.c, template.c), objects (object.c, objcmd.c) and their storage
 * (store.c), mechanisms (mech.c), keys (keygen.c, gpkey.c, ec.c), signatures (sign.c), keys
 * wrapped, unwrapped (wrap.c) and derived (derive.c, ecdh.c).
 */
#ifndef P11_H
#define P11_H

#include <rampart_pkcs11_ta.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

/*
 * The one slot, and its token (docs/pkcs11.md): the shared token for a client of public login,
 * a token of its own for a client of any other login (token.c, docs/pkcs11-clients.md).
 */
#define P11_SLOT_ID 0u
/*
 * Identity tokens in memory at once (each while a client of its identity has the TA open), and
 * the token objects one may hold: together at most half of the object table, so that the shared
 * token and session objects keep the other half whatever the identities do.
 */
#define P11_MAX_ID_TOKENS    4u
#define P11_ID_TOKEN_OBJECTS 8u
/* PIN lengths in bytes: the bounds optee_test's pkcs11 cases use. */
#define P11_PIN_MIN 4u
#define P11_PIN_MAX 128u
/*
 * Wrong PINs in a row before a PIN locks (PKCS#11 v2.40 leaves the number to the token; its
 * CK_TOKEN_INFO flags CKF_*_PIN_COUNT_LOW, _FINAL_TRY and _LOCKED report the count). The user PIN
 * locks after 3, and the SO unlocks it with C_InitPIN. Nothing unlocks the SO PIN: a locked SO
 * PIN leaves the token good only for erasing its trusted storage, so it is given more tries.
 */
#define P11_PIN_TRIES	 3u
#define P11_SO_PIN_TRIES 10u
#define P11_MAX_SESSIONS 32u
#define P11_SALT_SIZE	 16u
#define P11_HASH_SIZE	 32u
/* Objects: how many in all (token and session), and the size of one's attributes. */
#define P11_MAX_OBJECTS 64u
/* Session objects one application may hold, so that it cannot fill the table alone. */
#define P11_MAX_SESSION_OBJECTS 16u
#define P11_ATTRS_MAX_COUNT	64u
#define P11_ATTRS_MAX_SIZE	8192u
/* The longest control buffer (p0) taken: three templates of the maximum, and room. */
#define P11_CTRL_MAX (4 * P11_ATTRS_MAX_SIZE)
/* RSA modulus sizes made and used; the longest generic secret, in bytes. */
#define P11_RSA_MIN_BITS 2048u
#define P11_RSA_MAX_BITS 4096u
#define P11_SECRET_MAX	 512u

/* A reader over a command's control arguments (a private copy of p0, never shared memory). */
struct p11_args {
	const uint8_t *p;
	size_t left;
};
bool p11_get_u32(struct p11_args *a, uint32_t *v);
bool p11_get_bytes(struct p11_args *a, size_t n, const uint8_t **v);

/* One connection of a client application (a GP session); PKCS#11 login state is per
 * application (PKCS#11 v2.40 5.6: all sessions of an application share it). */
struct p11_tok;
struct p11_client {
	bool logged_in;
	uint32_t user;	     /* P11_CKU_SO or P11_CKU_USER while logged_in */
	struct p11_tok *tok; /* the token its login identity sees (token.c) */
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

/* A session (session.c's table): its search and its signing operation, one at a time. */
struct p11_find {
	uint32_t count;
	uint32_t next;
	uint32_t handles[P11_MAX_OBJECTS];
};
struct p11_op;
struct p11_cipher;
struct p11_oaep;
struct p11_mech;
struct p11_session {
	struct p11_client *owner; /* NULL: slot free */
	uint32_t handle;
	bool rw;
	struct p11_find *find;
	struct p11_op *op;
	struct p11_cipher *cipher; /* cipher.c's operation */
	struct p11_oaep *oaep;	   /* oaep.c's operation */
	bool oaep_encrypt;
	TEE_OperationHandle digest; /* digest.c's operation */
	uint32_t digest_len;
	/*
	 * The signing or decryption just started uses a CKA_ALWAYS_AUTHENTICATE key and waits for
	 * C_Login(CKU_CONTEXT_SPECIFIC) (PKCS#11 v2.40 4.9, 5.6); set by each such operation's
	 * init.
	 */
	bool context_login;
};

/* attrs.c: attribute lists in the ABI's form (id, size, value, packed) */
struct p11_attrs {
	uint8_t *p;
	uint32_t size;
	uint32_t count;
};
uint32_t p11_attrs_parse(struct p11_args *a, struct p11_attrs *t);
uint32_t p11_attrs_parse_query(struct p11_args *a, struct p11_attrs *t);
uint32_t p11_attrs_nested(const uint8_t *v, uint32_t len, struct p11_attrs *t);
bool p11_attrs_next(const struct p11_attrs *t, uint32_t *off, struct p11_attr_head *h,
		    const uint8_t **v);
uint32_t p11_attrs_count_of(const struct p11_attrs *t, uint32_t id);
bool p11_attrs_get(const struct p11_attrs *t, uint32_t id, const uint8_t **v, uint32_t *len);
bool p11_attrs_bool(const struct p11_attrs *t, uint32_t id, bool def);
bool p11_attrs_u32(const struct p11_attrs *t, uint32_t id, uint32_t *v);
uint32_t p11_attrs_set(struct p11_attrs *o, uint32_t id, const void *v, uint32_t len);
uint32_t p11_attrs_set_bool(struct p11_attrs *o, uint32_t id, bool v);
uint32_t p11_attrs_set_u32(struct p11_attrs *o, uint32_t id, uint32_t v);
void p11_attrs_free(struct p11_attrs *o);

/* template.c */
uint32_t p11_template_build(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
			    uint32_t gen_mech, struct p11_attrs *o);
uint32_t p11_template_build_made(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
				 struct p11_attrs *o);
bool p11_attr_is_secret(uint32_t class, uint32_t id);
uint32_t p11_template_modify(const struct p11_attrs *t, struct p11_attrs *o, bool copy, bool so);
struct p11_object;
uint32_t p11_template_with(const struct p11_attrs *t, const struct p11_object *k, uint32_t id,
			   struct p11_attrs *out);

/* object.c */
struct p11_object {
	uint32_t handle;
	bool token;
	struct p11_client *owner; /* session objects: the application and session */
	uint32_t session;
	uint32_t store_id;	   /* token objects: their name in trusted storage */
	const struct p11_tok *tok; /* the token it belongs to: only its clients see it */
	struct p11_attrs attrs;
};
bool p11_object_visible(const struct p11_client *c, const struct p11_object *o);
struct p11_object *p11_object_get(struct p11_client *c, uint32_t handle);
uint32_t p11_object_class(const struct p11_object *o);
bool p11_key_allows(const struct p11_object *o, uint32_t mech);
bool p11_key_always_auth(const struct p11_object *o);
uint32_t p11_object_may_create(struct p11_client *c, struct p11_session *s,
			       const struct p11_attrs *attrs);
uint32_t p11_object_add(struct p11_client *c, struct p11_session *s, struct p11_attrs *attrs,
			bool stored, uint32_t store_id, uint32_t *handle);
uint32_t p11_object_destroy(struct p11_client *c, uint32_t handle);
void p11_objects_session_closed(struct p11_client *c, uint32_t session);
void p11_objects_logout(struct p11_client *c);
void p11_objects_drop_token(void);
bool p11_store_id_used(uint32_t id);
bool p11_object_exportable(const struct p11_object *o, uint32_t id);
bool p11_object_matches(const struct p11_object *o, const struct p11_attrs *t);
uint32_t p11_find_init(struct p11_client *c, struct p11_session *s, const struct p11_attrs *t);
uint32_t p11_object_size(struct p11_client *c, uint32_t handle, uint32_t *size);
uint32_t p11_object_get_attrs(struct p11_client *c, uint32_t handle, struct p11_attrs *t);

/* store.c */
uint32_t p11_store_put(struct p11_object *o);
uint32_t p11_store_rewrite(struct p11_object *o);
uint32_t p11_store_delete(struct p11_object *o);
uint32_t p11_store_load_all(void);
void p11_store_erase_all(void);

/* mech.c */
struct p11_mech {
	uint32_t id;
	uint32_t len;
	const uint8_t *params;
};
uint32_t p11_mech_ids(uint32_t *ids, size_t max, size_t *count);
const struct p11_mechanism_info *p11_mech_info(uint32_t id);
uint32_t p11_mech_parse(struct p11_args *a, struct p11_mech *m);

/* ec.c */
struct p11_curve {
	const uint8_t *oid;
	uint32_t oid_len;
	uint32_t gp_curve;
	uint32_t bits;
	uint32_t bytes;
	uint32_t alg; /* GP's ECDSA algorithm for the curve */
};
const struct p11_curve *p11_ec_curve(const struct p11_attrs *a, uint32_t *rv);
uint32_t p11_ec_point_set(struct p11_attrs *o, const struct p11_curve *cv, const uint8_t *x,
			  const uint8_t *y);
bool p11_ec_point_get(const struct p11_attrs *o, const struct p11_curve *cv, const uint8_t **x,
		      const uint8_t **y);
bool p11_ec_point_parse(const struct p11_curve *cv, const uint8_t *v, uint32_t len,
			const uint8_t **x, const uint8_t **y);

/* spki.c: CKA_PUBLIC_KEY_INFO of a key pair made in the token */
uint32_t p11_spki_set(uint32_t type, struct p11_attrs *pub, struct p11_attrs *priv);

/* gpkey.c: an object's key as a GP transient object */
struct p11_key {
	TEE_ObjectHandle h;
	uint32_t bits;
	const struct p11_curve *curve;
};
uint32_t p11_gp_key(const struct p11_object *o, uint32_t key_type, bool priv, uint32_t hmac_type,
		    struct p11_key *k);
uint32_t p11_hmac_key_type(uint32_t hmac_type);
uint32_t p11_int_bits(const uint8_t *v, uint32_t len);

/* sign.c */
void p11_op_free(struct p11_op *op);

/* digest.c */
void p11_digest_free(struct p11_session *s);

/* cipher.c */
void p11_cipher_free(struct p11_session *s);

/* wrap.c: the parts derive.c shares */
uint32_t p11_aes_run(const struct p11_object *k, uint32_t alg, bool encrypt, const uint8_t *iv,
		     const uint8_t *in, size_t len, uint8_t *out);
bool p11_is_aes_key(const struct p11_object *o);
uint32_t p11_secret_made(struct p11_client *c, struct p11_session *s, const struct p11_attrs *t,
			 const uint8_t *v, uint32_t avail, bool nulls,
			 const struct p11_object *base, uint32_t short_rv, uint32_t *handle);
uint32_t p11_put_new_key(struct p11_client *c, uint32_t handle, uint32_t types, TEE_Param *p);

/* ecdh.c: C_DeriveKey by CKM_ECDH1_DERIVE */
uint32_t p11_ecdh_params(const struct p11_mech *m);
uint32_t p11_ecdh_derive(struct p11_client *c, struct p11_session *s, const struct p11_object *base,
			 const struct p11_mech *m, const struct p11_attrs *t, uint32_t *handle);

/* oaep.c */
void p11_oaep_free(struct p11_session *s);
uint32_t p11_oaep_init(struct p11_client *c, struct p11_session *s, uint32_t key,
		       const struct p11_mech *m, bool encrypt);
uint32_t p11_oaep_step(struct p11_session *s, bool oneshot, uint32_t types, TEE_Param *p);

/* token.c: the tokens, and the one of the command being served (p11_cur) */
#define P11_NAME_MAX 64u /* TEE_OBJECT_ID_MAX_LEN */
struct p11_tok {
	bool shared;	  /* the token of public login */
	uint32_t clients; /* GP sessions bound to it: an identity token is unloaded at 0 */
	uint32_t login;	  /* the identity: TEE_LOGIN_* and the client UUID */
	TEE_UUID uuid;
	uint32_t state;	  /* P11_CKR_OK once its record and objects are read */
	uint32_t objects; /* its token objects in the object table */
	/* Names in trusted storage: the record's, and the prefix of its objects' */
	char rec_name[P11_NAME_MAX];
	size_t rec_len;
	char obj_prefix[P11_NAME_MAX];
	size_t obj_prefix_len;
	struct p11_token_rec rec;
};
extern struct p11_tok *p11_cur;
TEE_Result p11_token_bind(struct p11_client *c);
void p11_token_unbind(struct p11_client *c);
void p11_token_model(uint8_t out[16]);
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
uint32_t p11_session_args(struct p11_client *c, struct p11_args *a, struct p11_session **s);
bool p11_session_busy(const struct p11_session *s);
void p11_session_logout(struct p11_client *c);
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
uint32_t p11_cmd_generate_key(struct p11_client *c, struct p11_session *s, struct p11_args *a,
			      uint32_t *handle);
uint32_t p11_cmd_generate_key_pair(struct p11_client *c, struct p11_session *s, struct p11_args *a,
				   uint32_t out[2]);
uint32_t p11_cmd_sign_init(struct p11_client *c, struct p11_args *a, bool sign);
uint32_t p11_cmd_release(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_sign_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			   TEE_Param *p);
uint32_t p11_cmd_object(struct p11_client *c, uint32_t cmd, struct p11_args *a, uint32_t types,
			TEE_Param *p);
uint32_t p11_cmd_set_attrs(struct p11_client *c, struct p11_session *s, struct p11_args *a);
uint32_t p11_cmd_copy_object(struct p11_client *c, struct p11_session *s, struct p11_args *a,
			     uint32_t *handle);
uint32_t p11_put_out(uint32_t types, TEE_Param *p, const void *data, size_t size);
uint32_t p11_cmd_generate_random(struct p11_client *c, struct p11_args *a, uint32_t types,
				 TEE_Param *p);
uint32_t p11_cmd_seed_random(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_digest_init(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_digest_key(struct p11_client *c, struct p11_args *a);
uint32_t p11_cmd_cipher_init(struct p11_client *c, struct p11_args *a, bool encrypt);
uint32_t p11_cmd_cipher_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			     TEE_Param *p);
uint32_t p11_cmd_wrap_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p);
uint32_t p11_cmd_unwrap_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p);
uint32_t p11_cmd_derive_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p);
uint32_t p11_cmd_digest_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			     TEE_Param *p);

#endif
