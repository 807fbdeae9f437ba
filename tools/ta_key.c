// SPDX-License-Identifier: BSD-2-Clause
#include <mbedtls/error.h>
#include <stdio.h>

#include "ta_key.h"

mbedtls_rsa_context *ta_key_load(mbedtls_pk_context *pk, const char *path, int want_private)
{
	char why[128];
	int err;

	mbedtls_pk_init(pk);
	if (want_private)
		err = mbedtls_pk_parse_keyfile(pk, path, NULL);
	else if ((err = mbedtls_pk_parse_public_keyfile(pk, path)) != 0)
		/* A private key file holds the public half too. */
		err = mbedtls_pk_parse_keyfile(pk, path, NULL);
	if (err) {
		mbedtls_strerror(err, why, sizeof(why));
		fprintf(stderr, "%s: cannot read the key: %s\n", path, why);
		return NULL;
	}
	if (mbedtls_pk_get_type(pk) != MBEDTLS_PK_RSA) {
		fprintf(stderr, "%s: not an RSA key\n", path);
		return NULL;
	}
	if (mbedtls_pk_get_bitlen(pk) < 2048 || mbedtls_pk_get_bitlen(pk) > 4096) {
		fprintf(stderr, "%s: RSA key of %zu bits; 2048 to 4096 are accepted\n", path,
			mbedtls_pk_get_bitlen(pk));
		return NULL;
	}
	return mbedtls_pk_rsa(*pk);
}
