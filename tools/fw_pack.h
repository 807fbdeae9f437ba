/* SPDX-License-Identifier: BSD-2-Clause */
/* Host side of the firmware package: lays images out behind a header (see fw_image.h). */
#ifndef TOOLS_FW_PACK_H
#define TOOLS_FW_PACK_H

#include <rampart/fw_image.h>
#include <stddef.h>
#include <stdint.h>

struct fw_pack_input {
	uint32_t id;
	const void *data;
	size_t size;
	uint64_t load_addr;
	uint64_t entry;
};

/*
 * Write the package for count images into out (out_size bytes); on success return the bytes
 * used, else -1 with *why set to a message naming the problem.
 */
long fw_pack_build(const struct fw_pack_input *in, size_t count, uint8_t *out, size_t out_size,
		   const char **why);

#endif
