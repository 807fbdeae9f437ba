/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared TA libraries in a TA instance (docs/trusted-os.md "Shared TA libraries"): the TA's
 * DT_NEEDED libraries are fetched, verified, mapped and linked by the trusted OS before the TA
 * first runs; more come with dlopen() (TA_SYS_DLOPEN). Libraries are never unloaded before the
 * instance goes.
 */
#ifndef TEE_TA_DL_H
#define TEE_TA_DL_H

#include <rampart/ta_dyn.h>
#include <stddef.h>
#include <stdint.h>

#include "ta.h"

#define TA_DL_MAX_MODULES 8 /* the TA and its libraries, in one instance */

/* A library image verified now, not cached yet (ta_load.c). */
struct ta_dl_image {
	uint8_t *image;
	size_t len;
	const void *elf;
	size_t elf_len;
};

struct ta_dl {
	struct ta_dyn_module mod[TA_DL_MAX_MODULES];
	uint8_t uuid[TA_DL_MAX_MODULES][16];
	uint8_t dep[TA_DL_MAX_MODULES][TA_DYN_MAX_NEEDED]; /* module index of each DT_NEEDED */
	uint8_t seq[TA_DL_MAX_MODULES];			   /* init order, 1 based; 0: not yet */
	struct ta_dl_image fresh[TA_DL_MAX_MODULES];	   /* kept once linked */
	unsigned int count;
	unsigned int next_seq;
	uint64_t next_base; /* where the next library goes */
};

/* Link the TA just mapped (layout: its ELF) with the libraries it needs; logs a refusal. */
uint32_t ta_dl_link(struct ta_instance *inst, const struct ta_elf_layout *layout);
/*
 * ta_load.c: fetch, verify and map the library at base; layout gets its ELF, keep its image if
 * it was verified now (to cache once the library is linked). Logs a refusal.
 */
uint32_t ta_load_library(struct ta_instance *inst, const uint8_t uuid[16], uint64_t base,
			 struct ta_elf_layout *layout, struct ta_dl_image *keep);
/* Cache the image (keep) or free it: either way img is empty after. */
void ta_dl_image_settle(const uint8_t uuid[16], struct ta_dl_image *img, int keep);
/* TA_SYS_DL_INFO, TA_SYS_DLOPEN, TA_SYS_DLSYM. */
uint64_t ta_syscall_dl(uint64_t nr, const uint64_t *x);

#endif
