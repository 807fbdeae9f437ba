/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The firmware package: the boot stage sits at the start of flash; at FW_PACKAGE_OFFSET follows a
 * header listing the images it places in RAM (the EL3 monitor now, the trusted OS later). Written
 * by tools/fwpack, checked by the boot stage before it copies anything. Little-endian.
 */
#ifndef RAMPART_FW_IMAGE_H
#define RAMPART_FW_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#define FW_PACKAGE_OFFSET 0x40000 /* the boot stage must fit below this */
#define FW_PACKAGE_MAGIC 0x54504d52U /* "RMPT" */
#define FW_PACKAGE_VERSION 1
#define FW_PACKAGE_MAX_IMAGES 4
#define FW_IMAGE_ALIGN 16

enum fw_image_id {
	FW_IMAGE_MONITOR = 1,
	FW_IMAGE_TRUSTED_OS = 2,
	FW_IMAGE_HYPERVISOR = 3, /* virt variant: the EL2 payload, in normal-world DRAM */
};

struct fw_image_entry {
	uint32_t id;
	uint32_t offset; /* from the start of the header */
	uint32_t size;	 /* bytes in the package */
	uint32_t crc32;	 /* of those bytes, IEEE 802.3 polynomial */
	uint64_t load_addr;
	uint64_t entry;
};

struct fw_package_header {
	uint32_t magic;
	uint16_t version;
	uint16_t count;
	uint32_t header_size; /* sizeof(struct fw_package_header) */
	uint32_t total_size;  /* header plus every image, padding included */
	struct fw_image_entry images[FW_PACKAGE_MAX_IMAGES];
};

enum fw_image_error {
	FW_IMAGE_OK = 0,
	FW_IMAGE_ERR_TRUNCATED,
	FW_IMAGE_ERR_MAGIC,
	FW_IMAGE_ERR_VERSION,
	FW_IMAGE_ERR_COUNT,
	FW_IMAGE_ERR_BOUNDS,
	FW_IMAGE_ERR_LOAD_ADDR,
	FW_IMAGE_ERR_ENTRY,
	FW_IMAGE_ERR_OVERLAP,
	FW_IMAGE_ERR_CRC,
	FW_IMAGE_ERR_DUPLICATE,
};

/* Where images may be loaded (secure RAM on our board). */
struct fw_load_window {
	uint64_t base;
	uint64_t size;
};

/* Where the hypervisor image may be loaded (a reserved piece of DRAM), if any. */
struct fw_load_windows {
	struct fw_load_window secure;
	struct fw_load_window hyp; /* size 0: no hypervisor image allowed */
};

uint32_t fw_crc32(const void *data, size_t len);
/*
 * Check a package of avail bytes at pkg: header, bounds, load windows, entry points, overlaps
 * and checksums. On an error, *bad_index (if given) names the offending image or -1.
 */
enum fw_image_error fw_package_check(const void *pkg, size_t avail,
				     const struct fw_load_window *window, int *bad_index);
/* The same, with the hypervisor image checked against windows->hyp and the others ->secure. */
enum fw_image_error fw_package_check_windows(const void *pkg, size_t avail,
					     const struct fw_load_windows *windows,
					     int *bad_index);
const struct fw_image_entry *fw_package_find(const struct fw_package_header *hdr, uint32_t id);
const char *fw_image_strerror(enum fw_image_error err);

#endif
