/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The signed header at the start of a .ta file, under the names xtest uses (its corrupt-TA case
 * flips one byte in each field). Rampart's TA files start with the same 20-byte header
 * (include/rampart/ta_image.h, struct ta_shdr), followed by the hash and the signature, so the
 * offsets xtest computes from this struct land on the fields they name. Only `make xtest` uses
 * this header.
 */
#ifndef XTEST_COMPAT_SIGNED_HDR_H
#define XTEST_COMPAT_SIGNED_HDR_H

#include <stdint.h>

#define SHDR_MAGIC 0x4f545348

enum shdr_img_type {
	SHDR_TA = 0,
	SHDR_BOOTSTRAP_TA = 1,
	SHDR_ENCRYPTED_TA = 2,
};

struct shdr {
	uint32_t magic;
	uint32_t img_type;
	uint32_t img_size;
	uint32_t algo;
	uint16_t hash_size;
	uint16_t sig_size;
	/* then hash[hash_size], sig[sig_size] */
};

#endif
