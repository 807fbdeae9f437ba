// SPDX-License-Identifier: BSD-2-Clause
/* Device-tree memory nodes against the board's RAM (see dt_memory.h). */
#include "dt_memory.h"

#include <libfdt.h>
#include <stdio.h>
#include <string.h>

static uint64_t read_cells(const fdt32_t *cells, int count)
{
	uint64_t v = 0;

	for (int i = 0; i < count; i++)
		v = (v << 32) | fdt32_to_cpu(cells[i]);
	return v;
}

/* Check the ranges of one property (reg or linux,usable-memory) of a memory node. */
static int check_ranges(const void *fdt, int node, const char *prop, int ac, int sc,
			const struct mem_range *ram, const struct mem_range *avoid, size_t n,
			char *err, size_t err_size)
{
	const char *name = fdt_get_name(fdt, node, NULL) ?: "?";
	int entry = (ac + sc) * 4, len;
	const fdt32_t *cells = fdt_getprop(fdt, node, prop, &len);
	char what[80];

	if (!cells) {
		if (!strcmp(prop, "reg")) {
			snprintf(err, err_size, "device tree memory node /%s has no reg", name);
			return -1;
		}
		return 0;
	}
	if (len <= 0 || len % entry) {
		snprintf(err, err_size,
			 "device tree memory node /%s: %s is %d bytes, not a whole number of "
			 "<%d address + %d size> cells",
			 name, prop, len, ac, sc);
		return -1;
	}
	snprintf(what, sizeof(what), "device tree memory node /%s (%s)", name, prop);
	for (int off = 0; off < len / 4; off += ac + sc) {
		const struct mem_range r = {read_cells(cells + off, ac),
					    read_cells(cells + off + ac, sc), what};

		if (mem_place_all(&r, 1, 1, ram, avoid, n, err, err_size))
			return -1;
	}
	return 0;
}

/*
 * What Linux does with a node (of_fdt_device_is_available): no status, or "okay" / "ok", and it
 * is used; any other status, and it is not. QEMU's own secure RAM node is "disabled" that way.
 */
static int available(const void *fdt, int node)
{
	int len;
	const char *status = fdt_getprop(fdt, node, "status", &len);

	if (!status)
		return 1;
	return (len >= (int)sizeof("okay") && !memcmp(status, "okay", sizeof("okay"))) ||
	       (len >= (int)sizeof("ok") && !memcmp(status, "ok", sizeof("ok")));
}

int dt_check_memory(const void *fdt, size_t size, const struct mem_range *ram,
		    const struct mem_range *avoid, size_t n, char *err, size_t err_size)
{
	int ac, sc, node, nodes = 0, r;

	/* The whole structure, once: the walk below then never leaves the blob. */
	r = size < sizeof(struct fdt_header) ? -FDT_ERR_TRUNCATED : fdt_check_full(fdt, size);
	if (r) {
		snprintf(err, err_size, "not a valid device tree: %s", fdt_strerror(r));
		return -1;
	}
	ac = fdt_address_cells(fdt, 0);
	sc = fdt_size_cells(fdt, 0);
	/* Addresses and sizes are 64 bits: a third cell could only hide high bits. */
	if (ac < 1 || ac > 2 || sc < 1 || sc > 2) {
		snprintf(err, err_size,
			 "device tree root has #address-cells %d and #size-cells %d; memory "
			 "needs 1 or 2 of each",
			 ac, sc);
		return -1;
	}
	fdt_for_each_subnode (node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", &r);

		/* Linux compares the first string of the list: "memory\0more" is memory too. */
		if (!type || r < (int)sizeof("memory") ||
		    memcmp(type, "memory", sizeof("memory")) || !available(fdt, node))
			continue;
		if (check_ranges(fdt, node, "reg", ac, sc, ram, avoid, n, err, err_size) ||
		    check_ranges(fdt, node, "linux,usable-memory", ac, sc, ram, avoid, n, err,
				 err_size))
			return -1;
		nodes++;
	}
	if (node < 0 && node != -FDT_ERR_NOTFOUND) {
		snprintf(err, err_size, "device tree is damaged: %s", fdt_strerror(node));
		return -1;
	}
	if (!nodes) {
		snprintf(err, err_size, "device tree has no memory node (device_type \"memory\")");
		return -1;
	}
	return 0;
}

/* The first root memory node that is not available, or a negative libfdt error. */
static int first_unavailable(const void *fdt)
{
	int node, len;

	fdt_for_each_subnode (node, fdt, 0) {
		const char *type = fdt_getprop(fdt, node, "device_type", &len);

		if (type && len >= (int)sizeof("memory") &&
		    !memcmp(type, "memory", sizeof("memory")) && !available(fdt, node))
			return node;
	}
	return node;
}

int dt_drop_unavailable_memory(void *fdt)
{
	int node, dropped = 0;

	/* fdt_nop_node leaves no node to continue a walk from: start over after each one. */
	while ((node = first_unavailable(fdt)) >= 0) {
		int err = fdt_nop_node(fdt, node);

		if (err)
			return err;
		dropped++;
	}
	return node == -FDT_ERR_NOTFOUND ? dropped : node;
}
