// SPDX-License-Identifier: BSD-2-Clause
/* Checks on a device tree from outside the firmware (see include/rampart/fdt_untrusted.h). */
#include <libfdt.h>
#include <rampart/fdt_untrusted.h>
#include <stdint.h>

/*
 * The blocks in the order the Devicetree Specification v0.4 section 5.1 shows and libfdt's
 * read-write functions require, the reserve map's terminating entry (section 5.3) before the
 * structure block.
 */
static int check_blocks(const void *fdt)
{
	uint32_t rsv = fdt_off_mem_rsvmap(fdt), st = fdt_off_dt_struct(fdt);
	uint32_t strings = fdt_off_dt_strings(fdt);
	uint64_t st_end = (uint64_t)st + fdt_size_dt_struct(fdt);
	uint64_t entry;

	if (rsv % 8 || rsv > st || st_end > strings ||
	    (uint64_t)strings + fdt_size_dt_strings(fdt) > fdt_totalsize(fdt))
		return -FDT_ERR_BADLAYOUT;
	for (entry = rsv;; entry += sizeof(struct fdt_reserve_entry)) {
		const struct fdt_reserve_entry *re;

		if (entry + sizeof(*re) > st)
			return -FDT_ERR_BADLAYOUT; /* no terminating entry before the structure */
		re = (const void *)((const uint8_t *)fdt + entry);
		if (!fdt64_to_cpu(re->address) && !fdt64_to_cpu(re->size))
			return 0;
	}
}

/* Every tag of the structure block (section 5.4), each one strictly after the last. */
static int check_structure(const void *fdt)
{
	int offset = 0, next, depth = 0;

	for (;;) {
		uint32_t tag = fdt_next_tag(fdt, offset, &next);

		if (next <= offset)
			return next < 0 ? next : -FDT_ERR_BADSTRUCTURE;
		switch (tag) {
		case FDT_BEGIN_NODE:
			depth++;
			break;
		case FDT_END_NODE:
			if (--depth < 0)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_PROP: {
			const char *name = NULL;
			int len;

			if (depth < 1 || !fdt_getprop_by_offset(fdt, offset, &name, &len) || !name)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			return depth ? -FDT_ERR_BADSTRUCTURE : 0;
		default:
			return -FDT_ERR_BADSTRUCTURE;
		}
		offset = next;
	}
}

int fdt_check_untrusted(const void *fdt, size_t max)
{
	int err;

	if (max < sizeof(struct fdt_header))
		return -FDT_ERR_TRUNCATED;
	err = fdt_check_header(fdt);
	if (err)
		return err;
	if (fdt_totalsize(fdt) > max)
		return -FDT_ERR_TRUNCATED;
	if (fdt_version(fdt) < 17)
		return -FDT_ERR_BADVERSION; /* no size_dt_struct: the walk cannot be bounded */
	err = check_blocks(fdt);
	return err ? err : check_structure(fdt);
}
