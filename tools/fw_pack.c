// SPDX-License-Identifier: BSD-2-Clause
#include "fw_pack.h"

#include <string.h>

static size_t align_up(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

long fw_pack_build(const struct fw_pack_input *in, size_t count, uint8_t *out, size_t out_size,
		   const char **why)
{
	struct fw_package_header hdr;
	size_t pos = align_up(sizeof(hdr), FW_IMAGE_ALIGN);

	if (count == 0 || count > FW_PACKAGE_MAX_IMAGES) {
		*why = "a package holds 1 to 4 images";
		return -1;
	}
	memset(&hdr, 0, sizeof(hdr));
	hdr.magic = FW_PACKAGE_MAGIC;
	hdr.version = FW_PACKAGE_VERSION;
	hdr.count = (uint16_t)count;
	hdr.header_size = sizeof(hdr);
	for (size_t i = 0; i < count; i++) {
		struct fw_image_entry *e = &hdr.images[i];

		if (in[i].size == 0 || in[i].size > UINT32_MAX) {
			*why = "image is empty or larger than 4 GiB";
			return -1;
		}
		if (pos + in[i].size > out_size) {
			*why = "images do not fit in the flash";
			return -1;
		}
		e->id = in[i].id;
		e->offset = (uint32_t)pos;
		e->size = (uint32_t)in[i].size;
		e->crc32 = fw_crc32(in[i].data, in[i].size);
		e->load_addr = in[i].load_addr;
		e->entry = in[i].entry;
		memcpy(out + pos, in[i].data, in[i].size);
		pos = align_up(pos + in[i].size, FW_IMAGE_ALIGN);
		if (pos > out_size)
			pos = out_size;
	}
	hdr.total_size = (uint32_t)pos;
	memcpy(out, &hdr, sizeof(hdr));
	memset(out + sizeof(hdr), 0, align_up(sizeof(hdr), FW_IMAGE_ALIGN) - sizeof(hdr));
	return (long)pos;
}
