// SPDX-License-Identifier: BSD-2-Clause
/*
 * Asymmetric key objects (GP TEE Internal Core API v1.3.1 5.5.4 TEE_PopulateTransientObject,
 * 5.5.7 TEE_GenerateKey, Table 5-10 / 5-12): the attributes each type takes, the keys checked
 * by mbedTLS before an object holds them, and key generation from the DRBG (DSA, Ed25519 and
 * X25519: their nettle files do both, crypto_nettle.h). Keys are stored as the GP attributes
 * (big-endian buffers; Ed25519 and X25519 the RFCs' strings), the same list every object uses
 * (crypto_obj.h).
 */
#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>
#include <mbedtls/rsa.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_asym.h"
#include "crypto_nettle.h"
#include "heap.h"
#include "ta.h"

/* The attributes of a type: all of required, and either all of optional or none. */
struct type_attrs {
	uint32_t type;
	uint32_t required[5];
	uint32_t optional[5];
};

static const struct type_attrs types[] = {
    {GP_TYPE_RSA_PUBLIC_KEY, {GP_ATTR_RSA_MODULUS, GP_ATTR_RSA_PUBLIC_EXPONENT}, {0}},
    {GP_TYPE_RSA_KEYPAIR,
     {GP_ATTR_RSA_MODULUS, GP_ATTR_RSA_PUBLIC_EXPONENT, GP_ATTR_RSA_PRIVATE_EXPONENT},
     {GP_ATTR_RSA_PRIME1, GP_ATTR_RSA_PRIME2, GP_ATTR_RSA_EXPONENT1, GP_ATTR_RSA_EXPONENT2,
      GP_ATTR_RSA_COEFFICIENT}},
    /* on nettle (crypto_nettle.h) */
    {GP_TYPE_DSA_PUBLIC_KEY,
     {GP_ATTR_DSA_PRIME, GP_ATTR_DSA_SUBPRIME, GP_ATTR_DSA_BASE, GP_ATTR_DSA_PUBLIC_VALUE},
     {0}},
    {GP_TYPE_DSA_KEYPAIR,
     {GP_ATTR_DSA_PRIME, GP_ATTR_DSA_SUBPRIME, GP_ATTR_DSA_BASE, GP_ATTR_DSA_PUBLIC_VALUE,
      GP_ATTR_DSA_PRIVATE_VALUE},
     {0}},
    {GP_TYPE_ED25519_PUBLIC_KEY, {GP_ATTR_ED25519_PUBLIC_VALUE}, {0}},
    {GP_TYPE_ED25519_KEYPAIR, {GP_ATTR_ED25519_PUBLIC_VALUE, GP_ATTR_ED25519_PRIVATE_VALUE}, {0}},
    {GP_TYPE_X25519_PUBLIC_KEY, {GP_ATTR_X25519_PUBLIC_VALUE}, {0}},
    {GP_TYPE_X25519_KEYPAIR, {GP_ATTR_X25519_PUBLIC_VALUE, GP_ATTR_X25519_PRIVATE_VALUE}, {0}},
    {GP_TYPE_ECDSA_PUBLIC_KEY,
     {GP_ATTR_ECC_PUBLIC_VALUE_X, GP_ATTR_ECC_PUBLIC_VALUE_Y, GP_ATTR_ECC_CURVE},
     {0}},
    {GP_TYPE_ECDH_PUBLIC_KEY,
     {GP_ATTR_ECC_PUBLIC_VALUE_X, GP_ATTR_ECC_PUBLIC_VALUE_Y, GP_ATTR_ECC_CURVE},
     {0}},
    {GP_TYPE_ECDSA_KEYPAIR,
     {GP_ATTR_ECC_PUBLIC_VALUE_X, GP_ATTR_ECC_PUBLIC_VALUE_Y, GP_ATTR_ECC_PRIVATE_VALUE,
      GP_ATTR_ECC_CURVE},
     {0}},
    {GP_TYPE_ECDH_KEYPAIR,
     {GP_ATTR_ECC_PUBLIC_VALUE_X, GP_ATTR_ECC_PUBLIC_VALUE_Y, GP_ATTR_ECC_PRIVATE_VALUE,
      GP_ATTR_ECC_CURVE},
     {0}},
    /* DH: the subprime and the private value's size are optional, each on its own */
    {GP_TYPE_DH_KEYPAIR,
     {GP_ATTR_DH_PRIME, GP_ATTR_DH_BASE, GP_ATTR_DH_PUBLIC_VALUE, GP_ATTR_DH_PRIVATE_VALUE},
     {0}},
};

static const struct type_attrs *type_attrs(uint32_t type)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].type == type)
			return &types[i];
	return NULL;
}

int crypto_type_is_asym(uint32_t type)
{
	return type_attrs(type) != NULL;
}

static int listed(const uint32_t *ids, size_t n, uint32_t id)
{
	for (size_t i = 0; i < n && ids[i]; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

mbedtls_ecp_group_id crypto_curve_group(uint32_t curve, uint32_t *bits)
{
	static const struct {
		mbedtls_ecp_group_id id;
		uint32_t bits;
	} curves[] = {{MBEDTLS_ECP_DP_SECP192R1, 192},
		      {MBEDTLS_ECP_DP_SECP224R1, 224},
		      {MBEDTLS_ECP_DP_SECP256R1, 256},
		      {MBEDTLS_ECP_DP_SECP384R1, 384},
		      {MBEDTLS_ECP_DP_SECP521R1, 521}};

	if (curve < GP_ECC_CURVE_NIST_P192 || curve > GP_ECC_CURVE_NIST_P521)
		return MBEDTLS_ECP_DP_NONE;
	*bits = curves[curve - 1].bits;
	return curves[curve - 1].id;
}

static const struct crypto_attr *find(const struct crypto_obj *o, uint32_t id)
{
	return crypto_obj_attr(o, id);
}

int crypto_keys_ecp(const struct crypto_obj *o, mbedtls_ecp_keypair *kp)
{
	const struct crypto_attr *curve = find(o, GP_ATTR_ECC_CURVE);
	const struct crypto_attr *x = find(o, GP_ATTR_ECC_PUBLIC_VALUE_X);
	const struct crypto_attr *y = find(o, GP_ATTR_ECC_PUBLIC_VALUE_Y);
	const struct crypto_attr *d = find(o, GP_ATTR_ECC_PRIVATE_VALUE);
	uint32_t bits;
	mbedtls_ecp_group_id gid =
	    curve ? crypto_curve_group(curve->a, &bits) : MBEDTLS_ECP_DP_NONE;
	int ret;

	if (gid == MBEDTLS_ECP_DP_NONE || !x || !y)
		return MBEDTLS_ERR_ECP_BAD_INPUT_DATA;
	ret = mbedtls_ecp_group_load(&kp->grp, gid);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&kp->Q.X, x->data, x->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&kp->Q.Y, y->data, y->len);
	if (!ret)
		ret = mbedtls_mpi_lset(&kp->Q.Z, 1);
	if (!ret)
		ret = mbedtls_ecp_check_pubkey(&kp->grp, &kp->Q);
	if (!ret && d)
		ret = mbedtls_mpi_read_binary(&kp->d, d->data, d->len);
	if (!ret && d)
		ret = mbedtls_ecp_check_privkey(&kp->grp, &kp->d);
	return ret;
}

/* An RSA key checked the way it will be used: n, e (and d, with the primes if given) must make
 * a working key for mbedTLS, else the attributes are "incorrect" (BAD_PARAMETERS). */
static uint32_t rsa_check(const struct crypto_obj *o, uint32_t *bits)
{
	const struct crypto_attr *n = find(o, GP_ATTR_RSA_MODULUS);
	const struct crypto_attr *e = find(o, GP_ATTR_RSA_PUBLIC_EXPONENT);
	const struct crypto_attr *d = find(o, GP_ATTR_RSA_PRIVATE_EXPONENT);
	const struct crypto_attr *p = find(o, GP_ATTR_RSA_PRIME1);
	const struct crypto_attr *q = find(o, GP_ATTR_RSA_PRIME2);
	mbedtls_rsa_context r;
	mbedtls_mpi nn;
	int ret;

	mbedtls_mpi_init(&nn);
	ret = mbedtls_mpi_read_binary(&nn, n->data, n->len);
	*bits = (uint32_t)mbedtls_mpi_bitlen(&nn);
	mbedtls_mpi_free(&nn);
	if (ret)
		return crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS);
	if (*bits > o->max_bits)
		ta_kill_current(
		    "TEE_PopulateTransientObject: modulus larger than the object's maximum");
	if (*bits < 256)
		return TEEC_ERROR_BAD_PARAMETERS;
	mbedtls_rsa_init(&r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	ret = mbedtls_rsa_import_raw(&r, n->data, n->len, p ? p->data : NULL, p ? p->len : 0,
				     q ? q->data : NULL, q ? q->len : 0, d ? d->data : NULL,
				     d ? d->len : 0, e->data, e->len);
	if (!ret)
		ret = mbedtls_rsa_complete(&r);
	if (!ret)
		ret = d ? mbedtls_rsa_check_privkey(&r) : mbedtls_rsa_check_pubkey(&r);
	mbedtls_rsa_free(&r);
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : TEEC_SUCCESS;
}

static uint32_t ecc_check(const struct crypto_obj *o, uint32_t *bits)
{
	const struct crypto_attr *curve = find(o, GP_ATTR_ECC_CURVE);
	mbedtls_ecp_keypair kp;
	int ret;

	if (crypto_curve_group(curve->a, bits) == MBEDTLS_ECP_DP_NONE)
		return TEEC_ERROR_NOT_SUPPORTED; /* GP 5.5.4: a curve not supported */
	if (*bits > o->max_bits)
		ta_kill_current(
		    "TEE_PopulateTransientObject: curve larger than the object's maximum");
	mbedtls_ecp_keypair_init(&kp);
	ret = crypto_keys_ecp(o, &kp); /* the point on the curve, the scalar below its order */
	mbedtls_ecp_keypair_free(&kp);
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : TEEC_SUCCESS;
}

static uint32_t dh_check(const struct crypto_obj *o, uint32_t *bits)
{
	const struct crypto_attr *p = find(o, GP_ATTR_DH_PRIME);
	mbedtls_mpi pp;
	int ret;

	mbedtls_mpi_init(&pp);
	ret = mbedtls_mpi_read_binary(&pp, p->data, p->len);
	*bits = (uint32_t)mbedtls_mpi_bitlen(&pp);
	mbedtls_mpi_free(&pp);
	if (ret)
		return crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS);
	if (*bits > o->max_bits)
		ta_kill_current(
		    "TEE_PopulateTransientObject: prime larger than the object's maximum");
	return *bits < 256 ? TEEC_ERROR_BAD_PARAMETERS : TEEC_SUCCESS;
}

uint32_t crypto_keys_populate(struct crypto_obj *o, const struct crypto_attr *attrs, size_t n)
{
	const struct type_attrs *t = type_attrs(o->type);
	size_t n_req = 0, n_opt = 0, n_any = 0;
	uint32_t bits = 0, res;

	/* GP 5.5.4 panics: an attribute the type does not take, twice, or a mandatory one
	 * missing; the CRT values of an RSA key pair all or none */
	for (size_t i = 0; i < n; i++) {
		int dh_extra =
		    o->type == GP_TYPE_DH_KEYPAIR &&
		    (attrs[i].id == GP_ATTR_DH_SUBPRIME || attrs[i].id == GP_ATTR_DH_X_BITS);

		if (crypto_attr_find(attrs, i, attrs[i].id))
			ta_kill_current("TEE_PopulateTransientObject: an attribute given twice");
		if (listed(t->required, 5, attrs[i].id))
			n_req++;
		else if (listed(t->optional, 5, attrs[i].id))
			n_opt++;
		else if (dh_extra)
			n_any++;
		else
			ta_kill_current(
			    "TEE_PopulateTransientObject: attribute not defined for the type");
	}
	for (size_t i = 0; i < 5 && t->required[i]; i++)
		if (!crypto_attr_find(attrs, n, t->required[i]))
			ta_kill_current(
			    "TEE_PopulateTransientObject: a mandatory attribute is missing");
	if (n_opt && n_opt != 5)
		ta_kill_current(
		    "TEE_PopulateTransientObject: RSA CRT attributes: all five or none");
	(void)n_req;
	(void)n_any;
	for (size_t i = 0; i < n; i++) {
		int bad = attrs[i].id & GP_ATTR_FLAG_VALUE
			      ? crypto_obj_add_value(o, attrs[i].id, attrs[i].a, attrs[i].b)
			      : !crypto_obj_add_ref(o, attrs[i].id, attrs[i].data, attrs[i].len);

		if (bad) {
			crypto_obj_clear(o);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
	}
	if (o->type == GP_TYPE_RSA_PUBLIC_KEY || o->type == GP_TYPE_RSA_KEYPAIR)
		res = rsa_check(o, &bits);
	else if (crypto_dsa_type(o->type))
		res = crypto_dsa_check(o, &bits);
	else if (crypto_25519_type(o->type))
		res = crypto_25519_check(o, &bits);
	else if (o->type == GP_TYPE_DH_KEYPAIR)
		res = dh_check(o, &bits);
	else
		res = ecc_check(o, &bits);
	if (res != TEEC_SUCCESS) {
		crypto_obj_clear(o);
		return res;
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

/* An mbedTLS number into a new buffer attribute of exactly len bytes (0: its own size). */
static int add_mpi(struct crypto_obj *o, uint32_t id, const mbedtls_mpi *x, size_t len)
{
	uint8_t *buf;

	if (!len)
		len = mbedtls_mpi_size(x) ? mbedtls_mpi_size(x) : 1;
	buf = crypto_obj_add_ref(o, id, NULL, len);
	if (!buf)
		return MBEDTLS_ERR_MPI_ALLOC_FAILED;
	return mbedtls_mpi_write_binary(x, buf, len);
}

/* GP 5.5.7 Table 5-12: TEE_ATTR_RSA_PUBLIC_EXPONENT may be given; 65537 by default. */
static uint32_t rsa_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			     size_t n)
{
	const struct crypto_attr *ea = crypto_attr_find(params, n, GP_ATTR_RSA_PUBLIC_EXPONENT);
	mbedtls_mpi N, P, Q, D, E, DP, DQ, QP;
	mbedtls_rsa_context r;
	uint64_t e = 65537;
	int ret;

	if (ea) {
		e = 0;
		for (uint32_t i = 0; i < ea->len; i++) {
			if (e >> 23) /* mbedTLS takes an int: up to 31 bits */
				return TEEC_ERROR_BAD_PARAMETERS;
			e = e << 8 | ea->data[i];
		}
		/* an even exponent or one under 3 makes no RSA key */
		if (e < 3 || !(e & 1) || e >> 31)
			return TEEC_ERROR_BAD_PARAMETERS;
	}
	if (bits % 2) /* mbedTLS makes two primes of bits / 2 each */
		ta_kill_current("TEE_GenerateKey: RSA key size not supported (odd)");
	mbedtls_rsa_init(&r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	mbedtls_mpi_init(&N), mbedtls_mpi_init(&P), mbedtls_mpi_init(&Q), mbedtls_mpi_init(&D);
	mbedtls_mpi_init(&E), mbedtls_mpi_init(&DP), mbedtls_mpi_init(&DQ), mbedtls_mpi_init(&QP);
	ret = mbedtls_rsa_gen_key(&r, crypto_rng, NULL, bits, (int)e);
	if (!ret)
		ret = mbedtls_rsa_export(&r, &N, &P, &Q, &D, &E);
	if (!ret)
		ret = mbedtls_rsa_export_crt(&r, &DP, &DQ, &QP);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_MODULUS, &N, bits / 8);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_PUBLIC_EXPONENT, &E, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_PRIVATE_EXPONENT, &D, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_PRIME1, &P, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_PRIME2, &Q, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_EXPONENT1, &DP, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_EXPONENT2, &DQ, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_RSA_COEFFICIENT, &QP, 0);
	mbedtls_mpi_free(&N), mbedtls_mpi_free(&P), mbedtls_mpi_free(&Q), mbedtls_mpi_free(&D);
	mbedtls_mpi_free(&E), mbedtls_mpi_free(&DP), mbedtls_mpi_free(&DQ), mbedtls_mpi_free(&QP);
	mbedtls_rsa_free(&r);
	if (ret) {
		crypto_obj_clear(o);
		return crypto_mbedtls_err(ret, TEEC_ERROR_GENERIC);
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

/* GP 5.5.7 Table 5-12: TEE_ATTR_ECC_CURVE is mandatory and must match the key size. */
static uint32_t ecc_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			     size_t n)
{
	const struct crypto_attr *curve = crypto_attr_find(params, n, GP_ATTR_ECC_CURVE);
	uint32_t curve_bits = 0;
	mbedtls_ecp_group_id gid =
	    curve ? crypto_curve_group(curve->a, &curve_bits) : MBEDTLS_ECP_DP_NONE;
	mbedtls_ecp_keypair kp;
	size_t len = (bits + 7) / 8;
	int ret;

	if (!curve)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (gid == MBEDTLS_ECP_DP_NONE)
		return TEEC_ERROR_NOT_SUPPORTED;
	if (curve_bits != bits)
		return TEEC_ERROR_BAD_PARAMETERS;
	mbedtls_ecp_keypair_init(&kp);
	ret = mbedtls_ecp_gen_key(gid, &kp, crypto_rng, NULL);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_ECC_PUBLIC_VALUE_X, &kp.Q.X, len);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_ECC_PUBLIC_VALUE_Y, &kp.Q.Y, len);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_ECC_PRIVATE_VALUE, &kp.d, len);
	if (!ret && crypto_obj_add_value(o, GP_ATTR_ECC_CURVE, curve->a, 0))
		ret = MBEDTLS_ERR_MPI_ALLOC_FAILED;
	mbedtls_ecp_keypair_free(&kp);
	if (ret) {
		crypto_obj_clear(o);
		return crypto_mbedtls_err(ret, TEEC_ERROR_GENERIC);
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

/*
 * GP 5.5.7 Table 5-12: DH takes the prime and base (and optionally the subprime q and the
 * private value's size in bits). The private value x is random: below q when q is given, of
 * exactly X_BITS bits when that is given and not 0, else in [1, p - 2]; y = g^x mod p. An
 * X_BITS of 0 names no size, so it sets no limit (OP-TEE takes it so, and xtest 4007_dh gives
 * it for its 256-bit prime); it is kept in the key as given.
 */
static uint32_t dh_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			    size_t n)
{
	const struct crypto_attr *pa = crypto_attr_find(params, n, GP_ATTR_DH_PRIME);
	const struct crypto_attr *ga = crypto_attr_find(params, n, GP_ATTR_DH_BASE);
	const struct crypto_attr *qa = crypto_attr_find(params, n, GP_ATTR_DH_SUBPRIME);
	const struct crypto_attr *xa = crypto_attr_find(params, n, GP_ATTR_DH_X_BITS);
	uint32_t xbits = xa ? xa->a : 0;
	mbedtls_mpi P, G, Q, X, Y, bound;
	uint32_t res = TEEC_SUCCESS;
	size_t pbits;
	int ret;

	if (!pa || !ga)
		return TEEC_ERROR_BAD_PARAMETERS;
	mbedtls_mpi_init(&P), mbedtls_mpi_init(&G), mbedtls_mpi_init(&Q);
	mbedtls_mpi_init(&X), mbedtls_mpi_init(&Y), mbedtls_mpi_init(&bound);
	ret = mbedtls_mpi_read_binary(&P, pa->data, pa->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&G, ga->data, ga->len);
	if (!ret && qa)
		ret = mbedtls_mpi_read_binary(&Q, qa->data, qa->len);
	pbits = mbedtls_mpi_bitlen(&P);
	if (ret)
		goto out;
	if (pbits != bits || mbedtls_mpi_cmp_int(&G, 1) <= 0 || mbedtls_mpi_cmp_mpi(&G, &P) >= 0 ||
	    xbits >= pbits) {
		res = TEEC_ERROR_BAD_PARAMETERS;
		goto out;
	}
	/* the bound x stays below: q, or p - 1 */
	if (qa)
		ret = mbedtls_mpi_copy(&bound, &Q);
	else
		ret = mbedtls_mpi_sub_int(&bound, &P, 1);
	if (!ret && xbits) {
		/* x of exactly X_BITS bits: random below 2^(X_BITS-1), with the top bit set */
		ret = mbedtls_mpi_fill_random(&X, (xbits + 7) / 8, crypto_rng, NULL);
		for (size_t b = xbits; !ret && b < ((xbits + 7) / 8) * 8; b++)
			ret = mbedtls_mpi_set_bit(&X, b, 0);
		if (!ret)
			ret = mbedtls_mpi_set_bit(&X, xbits - 1, 1);
	} else if (!ret) {
		ret = mbedtls_mpi_random(&X, 1, &bound, crypto_rng, NULL);
	}
	if (!ret)
		ret = mbedtls_mpi_exp_mod(&Y, &G, &X, &P, NULL);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_DH_PRIME, &P, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_DH_BASE, &G, 0);
	if (!ret && qa)
		ret = add_mpi(o, GP_ATTR_DH_SUBPRIME, &Q, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_DH_PUBLIC_VALUE, &Y, 0);
	if (!ret)
		ret = add_mpi(o, GP_ATTR_DH_PRIVATE_VALUE, &X, 0);
	if (!ret && xa && crypto_obj_add_value(o, GP_ATTR_DH_X_BITS, xa->a, 0))
		ret = MBEDTLS_ERR_MPI_ALLOC_FAILED;
out:
	mbedtls_mpi_free(&P), mbedtls_mpi_free(&G), mbedtls_mpi_free(&Q);
	mbedtls_mpi_free(&X), mbedtls_mpi_free(&Y), mbedtls_mpi_free(&bound);
	if (ret)
		res = crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS);
	if (res) {
		crypto_obj_clear(o);
		return res;
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

uint32_t crypto_keys_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			      size_t n)
{
	switch (o->type) {
	case GP_TYPE_RSA_KEYPAIR:
		return rsa_generate(o, bits, params, n);
	case GP_TYPE_DSA_KEYPAIR:
		return crypto_dsa_generate(o, bits, params, n);
	case GP_TYPE_ED25519_KEYPAIR:
	case GP_TYPE_X25519_KEYPAIR:
		return crypto_25519_generate(o, bits, params, n);
	case GP_TYPE_ECDSA_KEYPAIR:
	case GP_TYPE_ECDH_KEYPAIR:
		return ecc_generate(o, bits, params, n);
	case GP_TYPE_DH_KEYPAIR:
		return dh_generate(o, bits, params, n);
	default:
		/* GP 5.5.7: a public key is not generated (nor is any other asymmetric type) */
		ta_kill_current("TEE_GenerateKey: the object type cannot be generated");
	}
}
