// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: a signed TA file as tee-supplicant hands it over, through the header checks
 * (lib/common/ta_image.c) and, when they pass, the ELF checks (lib/common/ta_elf.c) on the ELF
 * it frames, with the trusted OS's limits (tee/ta_load.c). Checked: no read outside the file
 * (ASan), and the layout an accepted header yields lies inside the file exactly.
 */
#include <stdint.h>
#include <stdlib.h>

#include <rampart/ta_abi.h>
#include <rampart/ta_elf.h>
#include <rampart/ta_image.h>

#define SIG_SIZE 384 /* an RSA-3072 key's modulus, as the development signing key */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ta_image_layout lay;
	struct ta_elf_layout elf;
	enum ta_image_error err;

	err = ta_image_parse(data, size, SIG_SIZE, TA_IMAGE_MAX_SIZE, &lay);
	if (!ta_image_strerror(err))
		abort();
	if (err != TA_IMAGE_OK)
		return 0;
	if (lay.hash_offset + TA_HASH_SIZE > lay.sig_offset ||
	    lay.sig_offset + SIG_SIZE > lay.elf_offset || lay.elf_offset + lay.elf_size != size)
		abort(); /* the parts must tile the file */
	/* The trusted OS checks the ELF only after the signature; here it sees it unsigned. */
	ta_elf_parse(data + lay.elf_offset, lay.elf_size, TA_IMAGE_BASE,
		     TA_IMAGE_BASE + TA_IMAGE_MAX, &elf);
	return 0;
}
