/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Signed trusted application image (<uuid>.ta), the layout OP-TEE's TA files use:
 *
 *   struct ta_shdr   20 bytes, little-endian
 *   hash             hash_size bytes: SHA-256(shdr || ELF)
 *   signature        sig_size bytes: RSASSA-PSS (PKCS#1 v2.1) over that hash, SHA-256, MGF1
 *                    with SHA-256, salt length 32, by the TA signing key
 *   ELF              img_size bytes: the TA itself
 *
 * Only plain TAs (img_type 0) signed with RSASSA-PSS/SHA-256 are accepted. The checks here are
 * the bounds and format only (shared by the trusted OS, tools/ta_sign and the unit tests); the
 * hash and signature are checked by lib/crypto/ta_verify.c.
 */
#ifndef RAMPART_TA_IMAGE_H
#define RAMPART_TA_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define TA_SHDR_MAGIC 0x4f545348U	  /* "HSTO" */
#define TA_IMG_TYPE_TA 0U		  /* 1 (bootstrap) and 2 (encrypted) are refused */
#define TA_ALG_RSASSA_PSS_SHA256 0x70414930U /* GP TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256 */
#define TA_HASH_SIZE 32U		  /* SHA-256 */
#define TA_PSS_SALT_LEN 32U
#define TA_SHDR_SIZE 20U

/* The largest whole image the trusted OS accepts: a bound on what a loader copies in. */
#define TA_IMAGE_MAX_SIZE (2U << 20)

/* The signed header as it is in the file (little-endian, packed: read it with ta_image_parse). */
struct ta_shdr {
	uint32_t magic;
	uint32_t img_type;
	uint32_t img_size; /* bytes of ELF after the signature */
	uint32_t algo;
	uint16_t hash_size;
	uint16_t sig_size;
};

enum ta_image_error {
	TA_IMAGE_OK = 0,
	TA_IMAGE_ERR_SHORT_HEADER,  /* fewer bytes than the 20-byte header */
	TA_IMAGE_ERR_MAGIC,	    /* not a signed TA */
	TA_IMAGE_ERR_TYPE,	    /* bootstrap or encrypted TA, or unknown type */
	TA_IMAGE_ERR_ALGO,	    /* not RSASSA-PSS with SHA-256 */
	TA_IMAGE_ERR_HASH_SIZE,	    /* not 32 */
	TA_IMAGE_ERR_SIG_SIZE,	    /* not the size of the signing key's modulus */
	TA_IMAGE_ERR_SIZE_OVERFLOW, /* header + hash + signature + ELF beyond 32-bit sizes */
	TA_IMAGE_ERR_TOO_BIG,	    /* larger than the limit */
	TA_IMAGE_ERR_EMPTY,	    /* img_size 0: no ELF */
	TA_IMAGE_ERR_TRUNCATED,	    /* fewer bytes than the header says */
	TA_IMAGE_ERR_TRAILING,	    /* more bytes than the header says */
	TA_IMAGE_ERR_COUNT
};

/* Where the parts of a well-formed image are, as offsets into it. */
struct ta_image_layout {
	struct ta_shdr shdr; /* decoded */
	size_t hash_offset;
	size_t sig_offset;
	size_t elf_offset;
	size_t elf_size;
};

/*
 * Check the header of an image of len bytes, whose signature must be sig_size bytes (the key's
 * modulus size) and whose total size may be at most max_size; fill *layout when it is well formed.
 */
enum ta_image_error ta_image_parse(const void *image, size_t len, size_t sig_size,
				   size_t max_size, struct ta_image_layout *layout);
/* A sentence naming the problem, for logs and tools. */
const char *ta_image_strerror(enum ta_image_error err);
/* Encode a header into its 20-byte file form (for tools/ta_sign). */
void ta_shdr_encode(const struct ta_shdr *shdr, uint8_t out[TA_SHDR_SIZE]);

#endif
