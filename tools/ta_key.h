/* SPDX-License-Identifier: BSD-2-Clause */
/* Loading the TA signing key (PEM or DER, RSA) for the host tools, with Debian's libmbedtls. */
#ifndef TOOLS_TA_KEY_H
#define TOOLS_TA_KEY_H

#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>

/*
 * Parse the RSA key in path (a private key, or a public one when want_private is 0) into pk;
 * returns its RSA context, or NULL after printing why to stderr.
 */
mbedtls_rsa_context *ta_key_load(mbedtls_pk_context *pk, const char *path, int want_private);

#endif
