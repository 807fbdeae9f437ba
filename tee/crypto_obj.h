/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP transient objects and cryptographic operations held by the trusted OS for a TA instance
 * (GP TEE Internal Core API v1.3.1 chapters 5 and 6). The key material stays here; the TA holds
 * handles into its instance's tables (handle_table.h), freed with the instance.
 */
#ifndef TEE_CRYPTO_OBJ_H
#define TEE_CRYPTO_OBJ_H

#include <rampart/ta_abi.h>
#include <stddef.h>
#include <stdint.h>

#include "handle_table.h"

/* GP values the kernel needs (ta_sdk/include/tee_api_defines.h has the full list). */
#define GP_TYPE_AES	       0xA0000010U
#define GP_TYPE_HMAC_MD5       0xA0000001U
#define GP_TYPE_HMAC_SHA1      0xA0000002U
#define GP_TYPE_HMAC_SHA224    0xA0000003U
#define GP_TYPE_HMAC_SHA256    0xA0000004U
#define GP_TYPE_HMAC_SHA384    0xA0000005U
#define GP_TYPE_HMAC_SHA512    0xA0000006U
#define GP_TYPE_HMAC_SM3       0xA0000007U /* SM3 (GB/T 32905-2016), HMAC-SM3: OP-TEE 3.19's */
#define GP_ALG_SM3	       0x50000007U /* numbers; the key type is not in the GP */
#define GP_ALG_HMAC_SM3	       0x30000007U /* specification */
#define GP_TYPE_GENERIC_SECRET 0xA0000000U
#define GP_TYPE_DES	       0xA0000011U
#define GP_TYPE_DES3	       0xA0000013U
#define GP_ATTR_SECRET_VALUE   0xC0000000U
#define GP_ATTR_FLAG_PUBLIC    (1U << 28)
#define GP_ATTR_FLAG_VALUE     (1U << 29)
#define GP_USAGE_EXTRACTABLE   0x1U
#define GP_USAGE_ENCRYPT       0x2U
#define GP_USAGE_DECRYPT       0x4U
#define GP_USAGE_MAC	       0x8U
#define GP_USAGE_SIGN	       0x10U
#define GP_USAGE_VERIFY	       0x20U
#define GP_USAGE_DERIVE	       0x40U

/* Asymmetric object types (GP 6.11 Table 6-13); bit 24 marks a key pair. */
#define GP_TYPE_KEYPAIR_FLAG	 0x01000000U
#define GP_TYPE_RSA_PUBLIC_KEY	 0xA0000030U
#define GP_TYPE_RSA_KEYPAIR	 0xA1000030U
#define GP_TYPE_DH_KEYPAIR	 0xA1000032U
#define GP_TYPE_ECDSA_PUBLIC_KEY 0xA0000041U
#define GP_TYPE_ECDSA_KEYPAIR	 0xA1000041U
#define GP_TYPE_ECDH_PUBLIC_KEY	 0xA0000042U
#define GP_TYPE_ECDH_KEYPAIR	 0xA1000042U
/* DSA, Ed25519 and X25519 (GP 1.3.1 Table 6-13; tee/crypto_nettle.h, on nettle). */
#define GP_TYPE_DSA_PUBLIC_KEY	      0xA0000031U
#define GP_TYPE_DSA_KEYPAIR	      0xA1000031U
#define GP_TYPE_ED25519_PUBLIC_KEY    0xA0000043U
#define GP_TYPE_ED25519_KEYPAIR	      0xA1000043U
#define GP_TYPE_X25519_PUBLIC_KEY     0xA0000044U
#define GP_TYPE_X25519_KEYPAIR	      0xA1000044U
#define GP_ATTR_DSA_PRIME	      0xD0001031U
#define GP_ATTR_DSA_SUBPRIME	      0xD0001131U
#define GP_ATTR_DSA_BASE	      0xD0001231U
#define GP_ATTR_DSA_PUBLIC_VALUE      0xD0000131U
#define GP_ATTR_DSA_PRIVATE_VALUE     0xC0000231U
#define GP_ATTR_EDDSA_PREHASH	      0xF0000004U
#define GP_ATTR_EDDSA_CTX	      0xD0000643U
#define GP_ATTR_ED25519_PUBLIC_VALUE  0xD0000743U
#define GP_ATTR_ED25519_PRIVATE_VALUE 0xC0000843U
#define GP_ATTR_X25519_PUBLIC_VALUE   0xD0000944U
#define GP_ATTR_X25519_PRIVATE_VALUE  0xC0000A44U
#define GP_ALG_DSA_SHA1		      0x70002131U
#define GP_ALG_DSA_SHA224	      0x70003131U
#define GP_ALG_DSA_SHA256	      0x70004131U
#define GP_ALG_ED25519		      0x70006043U
#define GP_ALG_X25519		      0x80000044U
#define GP_ECC_CURVE_25519	      0x300U
/* OP-TEE's key-derivation input types (its tee_api_defines_extensions.h). */
#define GP_TYPE_HKDF_IKM	0xA10000C0U
#define GP_TYPE_CONCAT_KDF_Z	0xA10000C1U
#define GP_TYPE_PBKDF2_PASSWORD 0xA10000C2U

/* Attributes (GP 6.11 Table 6-14, OP-TEE's extensions for the KDFs). */
#define GP_ATTR_RSA_MODULUS	       0xD0000130U
#define GP_ATTR_RSA_PUBLIC_EXPONENT    0xD0000230U
#define GP_ATTR_RSA_PRIVATE_EXPONENT   0xC0000330U
#define GP_ATTR_RSA_PRIME1	       0xC0000430U
#define GP_ATTR_RSA_PRIME2	       0xC0000530U
#define GP_ATTR_RSA_EXPONENT1	       0xC0000630U
#define GP_ATTR_RSA_EXPONENT2	       0xC0000730U
#define GP_ATTR_RSA_COEFFICIENT	       0xC0000830U
#define GP_ATTR_RSA_OAEP_LABEL	       0xD0000930U
#define GP_ATTR_RSA_PSS_SALT_LENGTH    0xF0000A30U
#define GP_ATTR_DH_PRIME	       0xD0001032U
#define GP_ATTR_DH_SUBPRIME	       0xD0001132U
#define GP_ATTR_DH_BASE		       0xD0001232U
#define GP_ATTR_DH_X_BITS	       0xF0001332U
#define GP_ATTR_DH_PUBLIC_VALUE	       0xD0000132U
#define GP_ATTR_DH_PRIVATE_VALUE       0xC0000232U
#define GP_ATTR_ECC_PUBLIC_VALUE_X     0xD0000141U
#define GP_ATTR_ECC_PUBLIC_VALUE_Y     0xD0000241U
#define GP_ATTR_ECC_PRIVATE_VALUE      0xC0000341U
#define GP_ATTR_ECC_CURVE	       0xF0000441U
#define GP_ATTR_HKDF_IKM	       0xC00001C0U
#define GP_ATTR_HKDF_SALT	       0xD00002C0U
#define GP_ATTR_HKDF_INFO	       0xD00003C0U
#define GP_ATTR_HKDF_OKM_LENGTH	       0xF00004C0U
#define GP_ATTR_CONCAT_KDF_Z	       0xC00001C1U
#define GP_ATTR_CONCAT_KDF_OTHER_INFO  0xD00002C1U
#define GP_ATTR_CONCAT_KDF_DKM_LENGTH  0xF00003C1U
#define GP_ATTR_PBKDF2_PASSWORD	       0xC00001C2U
#define GP_ATTR_PBKDF2_SALT	       0xD00002C2U
#define GP_ATTR_PBKDF2_ITERATION_COUNT 0xF00003C2U
#define GP_ATTR_PBKDF2_DKM_LENGTH      0xF00004C2U

/* TEE_ATTR_ECC_CURVE values (GP 6.10.3), also TEE_IsAlgorithmSupported's elements. */
#define GP_ECC_CURVE_NIST_P192	       1
#define GP_ECC_CURVE_NIST_P224	       2
#define GP_ECC_CURVE_NIST_P256	       3
#define GP_ECC_CURVE_NIST_P384	       4
#define GP_ECC_CURVE_NIST_P521	       5
#define GP_HANDLE_FLAG_INITIALIZED     0x00020000U
#define GP_HANDLE_FLAG_KEY_SET	       0x00040000U
#define GP_HANDLE_FLAG_EXPECT_TWO_KEYS 0x00080000U

/* The largest object any supported type makes: GENERIC_SECRET and RSA, 4096 bits. */
#define CRYPTO_SECRET_MAX_BITS 4096

/*
 * One attribute of an object: a buffer (data, len bytes, on the kernel heap, zeroed before it
 * is freed) or, when GP_ATTR_FLAG_VALUE is set in id, two values a and b.
 */
struct crypto_attr {
	uint32_t id;
	uint32_t len;
	uint32_t a, b;
	uint8_t *data;
	uint8_t value[8]; /* a value attribute as stored: a then b, little endian */
};

/* The most attributes an object type has (an RSA key pair: 8). */
#define CRYPTO_OBJ_ATTRS 8

/*
 * A transient object: its type, sizes, usage and its attributes, the same list for every type
 * (a symmetric key is its TEE_ATTR_SECRET_VALUE; an RSA key pair its modulus, exponents and
 * CRT values), so code that stores or copies objects needs to know no type.
 */
struct crypto_obj {
	uint32_t type;
	uint32_t max_bits;
	uint32_t bits; /* 0 while uninitialized */
	uint32_t usage;
	uint32_t n_attrs;
	struct crypto_attr attrs[CRYPTO_OBJ_ATTRS];
	/* A persistent object's open handle (tee/storage_obj.h), NULL for a transient object. */
	struct pstore_handle *pers;
};

/* The attribute id of o, or NULL. */
const struct crypto_attr *crypto_obj_attr(const struct crypto_obj *o, uint32_t id);
/* The secret of a secret-value object (TEE_ATTR_SECRET_VALUE), NULL if none. */
const uint8_t *crypto_obj_secret(const struct crypto_obj *o);
/* Add a buffer attribute of len bytes (copied from data, or zeroed when data is NULL) and
 * return its bytes; NULL when the heap is out or the object holds CRYPTO_OBJ_ATTRS already. */
uint8_t *crypto_obj_add_ref(struct crypto_obj *o, uint32_t id, const void *data, size_t len);
/* Add a value attribute: 0, or -1 when the object is full. */
int crypto_obj_add_value(struct crypto_obj *o, uint32_t id, uint32_t a, uint32_t b);
/* Copy every attribute, the size and the usage of src into the empty dst: SUCCESS or
 * OUT_OF_MEMORY (dst left empty). */
uint32_t crypto_obj_copy_attrs(struct crypto_obj *dst, const struct crypto_obj *src);
/* Drop the attributes (zeroed) and mark the object uninitialized; the usage is kept. */
void crypto_obj_clear(struct crypto_obj *o);
/*
 * One attribute of an object as trusted storage keeps it: a buffer attribute's bytes, or a
 * value attribute (GP_ATTR_FLAG_VALUE) as 8 bytes, a then b, little endian. Every object type
 * lists its attributes through these two functions, so a persistent object stores and restores
 * any type the same way.
 */
struct crypto_attr_ref {
	uint32_t id;
	const uint8_t *buf;
	size_t len;
};
/* The i-th attribute of an initialized object (i from 0): 0, or -1 past the last one. */
int crypto_obj_attr_at(const struct crypto_obj *o, uint32_t i, struct crypto_attr_ref *out);
/*
 * Fill a fresh object (crypto_obj_alloc of the stored type and maximum size) with stored
 * attributes and key size: TEEC_SUCCESS, OUT_OF_MEMORY, or TEEC_ERROR_BAD_FORMAT when they do
 * not make an object of its type.
 */
uint32_t crypto_obj_restore(struct crypto_obj *o, const struct crypto_attr_ref *attrs, uint32_t n,
			    uint32_t bits);
/* Whether the type is a key pair or public key of an asymmetric algorithm (crypto_keys.c). */
int crypto_type_is_asym(uint32_t type);

struct crypto_op;

/*
 * Bytes of data an instance's operations may have the trusted OS hold between calls (AES-GCM
 * AAD, AES-CCM and AES-XTS data; tee/crypto_ae.h, crypto_op.c), all its operations together: the
 * kernel heap is shared, so one TA cannot take it all.
 */
#define CRYPTO_HELD_MAX (128 * 1024)

/*
 * The kernel copies of the current system call's attributes and buffers (tee/syscall_crypto.c).
 * A TA killed in the middle of a call (a GP panic) leaves them here, and they are freed with the
 * state; a finished call clears them (crypto_call_clear).
 */
struct crypto_call {
	struct crypto_attr attrs[CRYPTO_OBJ_ATTRS];
	uint32_t n_attrs;
	uint8_t *in, *out;
	size_t in_len, out_len;
};
/* Zero and free what the call holds. */
void crypto_call_clear(struct crypto_call *c);

/* One instance's objects and operations. */
struct crypto_state {
	struct handle_table objs;
	struct handle_table ops;
	size_t held; /* bytes held for its operations, at most CRYPTO_HELD_MAX */
	struct storage_state *storage; /* its persistent-object enumerators (tee/storage_obj.h) */
	struct crypto_call call;
};

/* Take n bytes of the instance's budget: 0, or -1 (nothing taken) when over CRYPTO_HELD_MAX. */
int crypto_held_take(size_t *held, size_t n);
void crypto_held_give(size_t *held, size_t n);

struct ta_instance;

/* The instance's tables, made at first use; NULL when the heap is out. */
struct crypto_state *crypto_state_of(struct ta_instance *inst);
/* Free every object and operation the instance holds (it is dying or gone). */
void crypto_state_free(struct ta_instance *inst);

/* Whether bits is a key size GP allows for an object type (GP 5.5.1, Table 5-9); DES and 3DES
 * sizes count the parity bits here (64, 128, 192). */
int crypto_key_size_ok(uint32_t type, uint32_t bits);
/*
 * DES and 3DES sizes as GP v1.0 counted them, without parity bits (56, 112, 168), made the
 * sizes with parity that everything else uses; any other size comes back as it was.
 */
uint32_t crypto_key_bits_with_parity(uint32_t type, uint32_t bits);
/* A generated DES or 3DES key gets odd parity in each byte (FIPS 46-3), as keys are written. */
void crypto_key_set_parity(uint32_t type, uint8_t *key, size_t len);

/* Objects: 0 or a TEE_ERROR_*; a problem the spec makes a panic kills the TA. */
uint32_t crypto_obj_alloc(uint32_t type, uint32_t max_bits, struct crypto_obj **out);
void crypto_obj_free(struct crypto_obj *o);
void crypto_obj_reset(struct crypto_obj *o);

/* Operations (crypto_op.c). */
/* held: the instance's budget (struct crypto_state), charged for data the operation holds. */
uint32_t crypto_op_alloc(uint32_t algo, uint32_t mode, uint32_t max_bits, size_t *held,
			 struct crypto_op **out);
void crypto_op_free(struct crypto_op *op);
/* TEE_IsAlgorithmSupported (GP 6.2.9): element is 0 or a TEE_ECC_CURVE_*. */
int crypto_alg_supported(uint32_t algo, uint32_t element);
void crypto_op_info(const struct crypto_op *op, struct ta_op_info *info);
void crypto_op_reset(struct crypto_op *op);
/* TEE_SetOperationKey: SUCCESS, or OUT_OF_MEMORY for the copy of an asymmetric key. */
uint32_t crypto_op_set_key(struct crypto_op *op, const struct crypto_obj *key);
/* TEE_SetOperationKey2 (AES-XTS): SUCCESS, or TEE_ERROR_SECURITY for two equal keys. */
uint32_t crypto_op_set_key2(struct crypto_op *op, const struct crypto_obj *key1,
			    const struct crypto_obj *key2);
void crypto_op_copy(struct crypto_op *dst, const struct crypto_op *src);
/* op_class: the GP class the TA's function is for (TEE_OPERATION_*); another one panics. */
void crypto_op_init(struct crypto_op *op, uint32_t op_class, const uint8_t *iv, size_t iv_len);
/*
 * in/out are TA addresses already checked for in_len bytes readable and *out_len bytes
 * writable; *out_len: in the room, out the bytes written or, with SHORT_BUFFER, those needed.
 */
uint32_t crypto_op_update(struct crypto_op *op, uint32_t op_class, const uint8_t *in, size_t in_len,
			  uint8_t *out, uint64_t *out_len);
uint32_t crypto_op_final(struct crypto_op *op, uint32_t op_class, const uint8_t *in, size_t in_len,
			 uint8_t *out, uint64_t *out_len);
/* Authenticated encryption (GP 6.6, tee/crypto_ae.h): TEE_AEInit, TEE_AEUpdateAAD and the final
 * calls; TEE_AEUpdate is crypto_op_update with TEE_OPERATION_AE. tag: a kernel buffer of 16. */
uint32_t crypto_op_ae_init(struct crypto_op *op, const uint8_t *nonce, size_t nonce_len,
			   uint32_t tag_bits, uint64_t aad_len, uint64_t payload_len);
void crypto_op_ae_aad(struct crypto_op *op, const uint8_t *aad, size_t len);
uint32_t crypto_op_ae_final(struct crypto_op *op, int decrypt, const uint8_t *in, size_t in_len,
			    uint8_t *out, uint64_t *out_len, uint8_t *tag, uint64_t *tag_len);
/*
 * Asymmetric operations and key derivation (GP 6.8, 6.9; crypto_asym.c): mode is the
 * TEE_MODE_* of the GP function called (ENCRYPT, DECRYPT, SIGN); params are the TA's
 * attributes already copied into the kernel; in/out kernel buffers. *out_len: in the room, out
 * the bytes written or, with SHORT_BUFFER, those needed.
 */
uint32_t crypto_op_asym(struct crypto_op *op, uint32_t mode, const struct crypto_attr *params,
			size_t n_params, const uint8_t *in, size_t in_len, uint8_t *out,
			size_t *out_len);
uint32_t crypto_op_verify(struct crypto_op *op, const struct crypto_attr *params, size_t n_params,
			  const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			  size_t sig_len);
uint32_t crypto_op_derive(struct crypto_op *op, const struct crypto_attr *params, size_t n_params,
			  struct crypto_obj *derived);

#endif
