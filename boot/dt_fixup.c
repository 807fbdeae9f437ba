// SPDX-License-Identifier: BSD-2-Clause
#include "dt_fixup.h"

#include <libfdt.h>
#include <string.h>

static int add_psci(void *fdt, const char **step)
{
	/* A string list: the PSCI 1.0 binding, with the older names as fallbacks. */
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2\0arm,psci";
	int node, err;

	*step = "adding /psci";
	node = fdt_path_offset(fdt, "/psci");
	if (node >= 0) {
		err = fdt_del_node(fdt, node);
		if (err)
			return err;
	}
	node = fdt_add_subnode(fdt, 0, "psci");
	if (node < 0)
		return node;
	err = fdt_setprop(fdt, node, "compatible", compat, sizeof(compat));
	if (!err)
		err = fdt_setprop_string(fdt, node, "method", "smc");
	return err;
}

static int set_cpu_enable_methods(void *fdt, const char **step)
{
	int cpus, node, err, count = 0;

	*step = "setting enable-method on /cpus";
	cpus = fdt_path_offset(fdt, "/cpus");
	if (cpus < 0)
		return cpus;
	fdt_for_each_subnode (node, fdt, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (!type || strcmp(type, "cpu"))
			continue;
		err = fdt_setprop_string(fdt, node, "enable-method", "psci");
		if (err)
			return err;
		/* Spin-table leftovers would contradict the PSCI enable method. */
		fdt_delprop(fdt, node, "cpu-release-addr");
		count++;
	}
	return count ? 0 : -FDT_ERR_NOTFOUND;
}

static int set_chosen(void *fdt, const struct dt_linux_params *p, const char **step)
{
	int node, err;

	*step = "updating /chosen";
	node = fdt_path_offset(fdt, "/chosen");
	if (node < 0)
		node = fdt_add_subnode(fdt, 0, "chosen");
	if (node < 0)
		return node;
	if (p->bootargs && p->bootargs[0]) {
		err = fdt_setprop_string(fdt, node, "bootargs", p->bootargs);
		if (err)
			return err;
	}
	if (p->initrd_end > p->initrd_start) {
		err = fdt_setprop_u64(fdt, node, "linux,initrd-start", p->initrd_start);
		if (!err)
			err = fdt_setprop_u64(fdt, node, "linux,initrd-end", p->initrd_end);
		return err;
	}
	fdt_delprop(fdt, node, "linux,initrd-start");
	fdt_delprop(fdt, node, "linux,initrd-end");
	return 0;
}

static int reserve_secure_memory(void *fdt, const struct dt_linux_params *p, const char **step)
{
	char name[40];
	fdt32_t reg[4];
	int rsv, node, err;

	*step = "reserving secure memory";
	rsv = fdt_path_offset(fdt, "/reserved-memory");
	if (rsv < 0) {
		rsv = fdt_add_subnode(fdt, 0, "reserved-memory");
		if (rsv < 0)
			return rsv;
		err = fdt_setprop_u32(fdt, rsv, "#address-cells", 2);
		if (!err)
			err = fdt_setprop_u32(fdt, rsv, "#size-cells", 2);
		if (!err)
			err = fdt_setprop(fdt, rsv, "ranges", NULL, 0);
		if (err)
			return err;
	} else if (fdt_address_cells(fdt, rsv) != 2 || fdt_size_cells(fdt, rsv) != 2) {
		return -FDT_ERR_BADNCELLS;
	}
	/* Node names carry the unit address in lower-case hex without leading zeros. */
	{
		static const char hex[] = "0123456789abcdef";
		char digits[17];
		int n = 0;
		uint64_t v = p->secure_base;

		do {
			digits[n++] = hex[v & 0xf];
			v >>= 4;
		} while (v);
		memcpy(name, "secure-memory@", 14);
		for (int i = 0; i < n; i++)
			name[14 + i] = digits[n - 1 - i];
		name[14 + n] = '\0';
	}
	node = fdt_add_subnode(fdt, rsv, name);
	if (node == -FDT_ERR_EXISTS)
		node = fdt_subnode_offset(fdt, rsv, name);
	if (node < 0)
		return node;
	reg[0] = cpu_to_fdt32((uint32_t)(p->secure_base >> 32));
	reg[1] = cpu_to_fdt32((uint32_t)p->secure_base);
	reg[2] = cpu_to_fdt32((uint32_t)(p->secure_size >> 32));
	reg[3] = cpu_to_fdt32((uint32_t)p->secure_size);
	err = fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
	if (!err)
		err = fdt_setprop(fdt, node, "no-map", NULL, 0);
	return err;
}

static int drop_secure_chosen(void *fdt, const char **step)
{
	*step = "removing /secure-chosen";
	/* A -dtb may hold the node twice: none may reach Linux. */
	for (;;) {
		int node = fdt_path_offset(fdt, "/secure-chosen"), err;

		if (node == -FDT_ERR_NOTFOUND)
			return 0;
		if (node < 0)
			return node;
		err = fdt_del_node(fdt, node);
		if (err)
			return err;
	}
}

/* /firmware/optee (Linux bindings/arm/firmware/linaro,optee-tz.yaml): method "smc". */
static int add_optee(void *fdt, const char **step)
{
	int fw, node, err;

	*step = "adding /firmware/optee";
	fw = fdt_path_offset(fdt, "/firmware");
	if (fw == -FDT_ERR_NOTFOUND)
		fw = fdt_add_subnode(fdt, 0, "firmware");
	if (fw < 0)
		return fw;
	node = fdt_subnode_offset(fdt, fw, "optee");
	if (node == -FDT_ERR_NOTFOUND)
		node = fdt_add_subnode(fdt, fw, "optee");
	if (node < 0)
		return node;
	err = fdt_setprop_string(fdt, node, "compatible", "linaro,optee-tz");
	if (!err)
		err = fdt_setprop_string(fdt, node, "method", "smc");
	return err;
}

int dt_fixup_for_linux(void *fdt, const struct dt_linux_params *p, const char **step)
{
	int err;

	*step = "checking the device tree";
	err = fdt_check_header(fdt);
	if (!err)
		err = drop_secure_chosen(fdt, step);
	if (!err)
		err = add_psci(fdt, step);
	if (!err)
		err = set_cpu_enable_methods(fdt, step);
	if (!err)
		err = set_chosen(fdt, p, step);
	if (!err && p->secure_size)
		err = reserve_secure_memory(fdt, p, step);
	if (!err && p->optee)
		err = add_optee(fdt, step);
	return err;
}
