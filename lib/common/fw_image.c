// SPDX-License-Identifier: BSD-2-Clause
/* Firmware package checks, shared by the boot stage, tools/fwpack and the unit tests. */
#include <rampart/fw_image.h>
#include <string.h>

uint32_t fw_crc32(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t crc = 0xffffffffU;

	/* Bitwise CRC-32 (reflected 0xEDB88320): an integrity check against a damaged flash. */
	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	return ~crc;
}

static int ranges_overlap(uint64_t a, uint64_t a_size, uint64_t b, uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

enum fw_image_error fw_package_check(const void *pkg, size_t avail,
				     const struct fw_load_window *window, int *bad_index)
{
	const struct fw_load_windows windows = {*window, {0, 0}};

	return fw_package_check_windows(pkg, avail, &windows, bad_index);
}

enum fw_image_error fw_package_check_windows(const void *pkg, size_t avail,
					     const struct fw_load_windows *windows,
					     int *bad_index)
{
	struct fw_package_header hdr;

	if (bad_index)
		*bad_index = -1;
	if (avail < sizeof(hdr))
		return FW_IMAGE_ERR_TRUNCATED;
	memcpy(&hdr, pkg, sizeof(hdr));
	if (hdr.magic != FW_PACKAGE_MAGIC)
		return FW_IMAGE_ERR_MAGIC;
	if (hdr.version != FW_PACKAGE_VERSION || hdr.header_size != sizeof(hdr))
		return FW_IMAGE_ERR_VERSION;
	if (hdr.count == 0 || hdr.count > FW_PACKAGE_MAX_IMAGES)
		return FW_IMAGE_ERR_COUNT;
	if (hdr.total_size < sizeof(hdr) || hdr.total_size > avail)
		return FW_IMAGE_ERR_TRUNCATED;

	for (int i = 0; i < hdr.count; i++) {
		const struct fw_image_entry *e = &hdr.images[i];
		const struct fw_load_window *window =
			e->id == FW_IMAGE_HYPERVISOR ? &windows->hyp : &windows->secure;

		if (bad_index)
			*bad_index = i;
		if (e->offset < sizeof(hdr) || e->size == 0 || e->offset > hdr.total_size ||
		    e->size > hdr.total_size - e->offset)
			return FW_IMAGE_ERR_BOUNDS;
		if (window->size == 0 || e->load_addr < window->base || e->load_addr > window->base + window->size ||
		    e->size > window->base + window->size - e->load_addr)
			return FW_IMAGE_ERR_LOAD_ADDR;
		if (e->entry < e->load_addr || e->entry >= e->load_addr + e->size)
			return FW_IMAGE_ERR_ENTRY;
		for (int j = 0; j < i; j++) {
			if (hdr.images[j].id == e->id)
				return FW_IMAGE_ERR_DUPLICATE;
			if (ranges_overlap(e->load_addr, e->size, hdr.images[j].load_addr,
					   hdr.images[j].size))
				return FW_IMAGE_ERR_OVERLAP;
		}
		if (fw_crc32((const uint8_t *)pkg + e->offset, e->size) != e->crc32)
			return FW_IMAGE_ERR_CRC;
	}
	if (bad_index)
		*bad_index = -1;
	return FW_IMAGE_OK;
}

const struct fw_image_entry *fw_package_find(const struct fw_package_header *hdr, uint32_t id)
{
	for (int i = 0; i < hdr->count && i < FW_PACKAGE_MAX_IMAGES; i++)
		if (hdr->images[i].id == id)
			return &hdr->images[i];
	return NULL;
}

const char *fw_image_strerror(enum fw_image_error err)
{
	switch (err) {
	case FW_IMAGE_OK:
		return "ok";
	case FW_IMAGE_ERR_TRUNCATED:
		return "package truncated";
	case FW_IMAGE_ERR_MAGIC:
		return "no package header (bad magic)";
	case FW_IMAGE_ERR_VERSION:
		return "unsupported package version";
	case FW_IMAGE_ERR_COUNT:
		return "bad image count";
	case FW_IMAGE_ERR_BOUNDS:
		return "image outside the package";
	case FW_IMAGE_ERR_LOAD_ADDR:
		return "load address outside the image's memory window";
	case FW_IMAGE_ERR_ENTRY:
		return "entry point outside the image";
	case FW_IMAGE_ERR_OVERLAP:
		return "images overlap in memory";
	case FW_IMAGE_ERR_CRC:
		return "checksum mismatch";
	case FW_IMAGE_ERR_DUPLICATE:
		return "image listed twice";
	}
	return "unknown error";
}
