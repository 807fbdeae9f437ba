// SPDX-License-Identifier: BSD-2-Clause
/* VM configuration parsing and placement (see vm_config.h). */
#include "vm_config.h"

#include <libfdt.h>
#include <plat/platform.h>
#include <rampart/fdt_untrusted.h>
#include <rampart/mem_range.h>
#include <stdarg.h>
#include <string.h>
#if __STDC_HOSTED__
#include <stdio.h>
#else
#include <log.h> /* vsnprintf */
#endif

#define SZ_2M 0x200000UL

static int fail(char *err, size_t err_size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, err_size, fmt, ap);
	va_end(ap);
	return -1;
}

static int get_u32(const void *fdt, int node, const char *prop, uint32_t *out)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, prop, &len);

	if (!p)
		return 0;
	if (len != 4)
		return -1;
	*out = fdt32_to_cpu(*p);
	return 1;
}

/* A string property into buf; 0 absent, 1 present, -1 not a terminated string or too long. */
static int get_string(const void *fdt, int node, const char *prop, char *buf, size_t size)
{
	int len;
	const char *p = fdt_getprop(fdt, node, prop, &len);

	if (!p)
		return 0;
	if (len < 1 || p[len - 1] != '\0' || strlen(p) + 1 != (size_t)len || (size_t)len > size)
		return -1;
	memcpy(buf, p, (size_t)len);
	return 1;
}

static const char *const known_props[] = {
    "vcpus", "memory-mib", "memory-base", "kernel", "initrd", "bootargs", "name", "devices", "dma",
    "control", "cpus", "weight", "tee"};

/* devices = "a", "b", ...: a list of non-empty strings, each a node name of the board. */
static int parse_devices(const void *fdt, int node, struct vm_config *vm, char *err,
			 size_t err_size)
{
	int len;
	const char *p = fdt_getprop(fdt, node, "devices", &len), *end;

	if (!p)
		return 0;
	if (len < 1 || p[len - 1] != '\0')
		return fail(err, err_size, "%s: devices must be a list of strings", vm->name);
	for (end = p + len; p < end; p += strlen(p) + 1) {
		size_t n = strlen(p);

		if (n == 0 || n >= VM_DEV_NAME_MAX)
			return fail(err, err_size,
				    "%s: devices: a name is empty or longer than %d characters",
				    vm->name, VM_DEV_NAME_MAX - 1);
		if (vm->dev_named == VM_DEV_MAX)
			return fail(err, err_size, "%s: devices: more than %d names", vm->name,
				    VM_DEV_MAX);
		for (unsigned int i = 0; i < vm->dev_named; i++)
			if (!strcmp(vm->dev_names[i], p))
				return fail(err, err_size, "%s: devices: '%s' is named twice",
					    vm->name, p);
		memcpy(vm->dev_names[vm->dev_named++], p, n + 1);
	}
	return 0;
}

/* cpus = <a b ...>; weight = <n>; (checked against the board's CPUs in vms_config_place) */
static int parse_sched(const void *fdt, int node, struct vm_config *vm, char *err,
		       size_t err_size)
{
	int len, r;
	const fdt32_t *p = fdt_getprop(fdt, node, "cpus", &len);
	uint32_t w;

	if (p) {
		if (len < 4 || len % 4)
			return fail(err, err_size, "%s: cpus must be a list of CPU numbers <a b ...>",
				    vm->name);
		for (int i = 0; i < len / 4; i++) {
			uint32_t c = fdt32_to_cpu(p[i]);

			if (c >= 32)
				return fail(err, err_size, "%s: cpus: CPU %u is not on the board",
					    vm->name, c);
			if (vm->cpus_named & (1U << c))
				return fail(err, err_size, "%s: cpus: CPU %u is named twice",
					    vm->name, c);
			vm->cpus_named |= 1U << c;
		}
	}
	vm->weight = 1;
	r = get_u32(fdt, node, "weight", &w);
	if (r < 0 || (r > 0 && (w == 0 || w > VM_WEIGHT_MAX)))
		return fail(err, err_size, "%s: weight must be one cell between 1 and %d",
			    vm->name, VM_WEIGHT_MAX);
	if (r > 0)
		vm->weight = w;
	return 0;
}

static int parse_vm(const void *fdt, int node, struct vm_config *vm, char *err, size_t err_size)
{
	const char *name = fdt_get_name(fdt, node, NULL);
	uint32_t vcpus, mib, ctl = 0;
	int prop, r, len;
	const fdt32_t *base;
	char dma[16];

	memset(vm, 0, sizeof(*vm));
	if (!name || !*name || strlen(name) >= VM_NAME_MAX)
		return fail(err, err_size,
			    "VM node name '%s' is empty or longer than %d characters",
			    name ? name : "", VM_NAME_MAX - 1);
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
		      *c == '_'))
			return fail(err, err_size,
				    "VM name '%s': use lower-case letters, digits, '-' and '_'",
				    name);
	memcpy(vm->name, name, strlen(name) + 1);

	fdt_for_each_property_offset (prop, fdt, node) {
		const char *pname = NULL;
		int known = 0;

		/* libfdt leaves pname unset when the name lies outside the strings block. */
		if (!fdt_getprop_by_offset(fdt, prop, &pname, &len) || !pname)
			return fail(err, err_size, "%s: a property is damaged: %s", name,
				    fdt_strerror(len));
		for (size_t i = 0; i < sizeof(known_props) / sizeof(known_props[0]); i++)
			known |= pname && !strcmp(pname, known_props[i]);
		if (!known)
			return fail(err, err_size, "%s: unknown property '%s'", name,
				    pname ? pname : "?");
	}

	r = get_u32(fdt, node, "vcpus", &vcpus);
	if (r == 0)
		return fail(err, err_size, "%s: no 'vcpus' property", name);
	if (r < 0 || vcpus == 0 || vcpus > VM_MAX_VCPUS)
		return fail(err, err_size, "%s: vcpus must be one cell between 1 and %d", name,
			    VM_MAX_VCPUS);
	vm->vcpus = vcpus;

	r = get_u32(fdt, node, "memory-mib", &mib);
	if (r == 0)
		return fail(err, err_size, "%s: no 'memory-mib' property", name);
	if (r < 0 || mib < VM_MIN_MIB || (mib & 1))
		return fail(err, err_size,
			    "%s: memory-mib must be one cell, an even number of at least %d", name,
			    VM_MIN_MIB);
	vm->mem_size = (uint64_t)mib << 20;

	base = fdt_getprop(fdt, node, "memory-base", &len);
	if (base) {
		if (len != 8)
			return fail(err, err_size, "%s: memory-base must be two cells <hi lo>",
				    name);
		vm->mem_base = (uint64_t)fdt32_to_cpu(base[0]) << 32 | fdt32_to_cpu(base[1]);
		if (vm->mem_base == 0 || (vm->mem_base & (SZ_2M - 1)))
			return fail(err, err_size, "%s: memory-base %#llx is not 2 MiB aligned",
				    name, (unsigned long long)vm->mem_base);
	}

	if (get_string(fdt, node, "kernel", vm->kernel, sizeof(vm->kernel)) < 0)
		return fail(err, err_size,
			    "%s: kernel must be a fw_cfg file name under %d characters", name,
			    VM_FILE_MAX);
	if (get_string(fdt, node, "initrd", vm->initrd, sizeof(vm->initrd)) < 0)
		return fail(err, err_size,
			    "%s: initrd must be a fw_cfg file name under %d characters", name,
			    VM_FILE_MAX);
	r = get_string(fdt, node, "bootargs", vm->bootargs, sizeof(vm->bootargs));
	if (r < 0)
		return fail(err, err_size, "%s: bootargs must be a string under %d characters",
			    name, VM_BOOTARGS_MAX);
	vm->has_bootargs = r;
	if (parse_devices(fdt, node, vm, err, err_size))
		return -1;
	r = get_string(fdt, node, "dma", dma, sizeof(dma));
	if (r < 0 || (r > 0 && strcmp(dma, "identity")))
		return fail(err, err_size,
			    "%s: dma must be \"identity\" (RAM at the same guest-physical and "
			    "physical addresses: the board has no IOMMU)",
			    name);
	vm->dma_identity = r > 0;
	/* control; or control = <1>: the VM that manages the others (vmctl.h). */
	r = get_u32(fdt, node, "control", &ctl);
	if (fdt_getprop(fdt, node, "control", &len) && len == 0) {
		r = 1;
		ctl = 1;
	}
	if (r < 0 || (r > 0 && ctl > 1))
		return fail(err, err_size, "%s: control must be empty (control;) or <0> or <1>",
			    name);
	vm->control = r > 0 && ctl == 1;
	/* tee = "optee" (the default) or "none": whether it reaches the trusted OS (tee_med.h). */
	r = get_string(fdt, node, "tee", dma, sizeof(dma));
	if (r < 0 || (r > 0 && strcmp(dma, "optee") && strcmp(dma, "none")))
		return fail(err, err_size, "%s: tee must be \"optee\" or \"none\"", name);
	vm->no_tee = r > 0 && !strcmp(dma, "none");
	return parse_sched(fdt, node, vm, err, err_size);
}

uint64_t vm_tee_identity(const char *name)
{
	uint64_t h = 0xcbf29ce484222325UL; /* FNV-1a, 64 bits */

	for (; *name; name++)
		h = (h ^ (uint8_t)*name) * 0x100000001b3UL;
	return h ? h : 1;
}

int vms_config_parse(const void *blob, size_t size, struct vms_config *out, char *err,
		     size_t err_size)
{
	int node, r;

	memset(out, 0, sizeof(*out));
	if (size < sizeof(struct fdt_header))
		return fail(err, err_size, "configuration is %zu bytes: not a device tree blob",
			    size);
	r = fdt_check_header(blob);
	if (r)
		return fail(err, err_size, "configuration is not a device tree blob: %s",
			    fdt_strerror(r));
	if (fdt_totalsize(blob) > size)
		return fail(err, err_size, "configuration is truncated (%zu of %u bytes)", size,
			    fdt_totalsize(blob));
	r = fdt_check_untrusted(blob, size);
	if (r)
		return fail(err, err_size, "configuration is damaged: %s", fdt_strerror(r));
	fdt_for_each_subnode (node, blob, 0) {
		if (out->count == VM_MAX)
			return fail(err, err_size, "more than %d VMs", VM_MAX);
		if (parse_vm(blob, node, &out->vm[out->count], err, err_size))
			return -1;
		for (unsigned int i = 0; i < out->count; i++) {
			if (!strcmp(out->vm[i].name, out->vm[out->count].name))
				return fail(err, err_size, "two VMs are named '%s'",
					    out->vm[i].name);
			if (vm_tee_identity(out->vm[i].name) ==
			    vm_tee_identity(out->vm[out->count].name))
				return fail(err, err_size,
					    "%s and %s: their names give one trusted-storage "
					    "identity: rename one",
					    out->vm[i].name, out->vm[out->count].name);
			if (out->vm[i].control && out->vm[out->count].control)
				return fail(err, err_size,
					    "%s and %s: both are the control VM: at most one is",
					    out->vm[i].name, out->vm[out->count].name);
		}
		out->count++;
	}
	if (node < 0 && node != -FDT_ERR_NOTFOUND)
		return fail(err, err_size, "configuration is damaged: %s", fdt_strerror(node));
	if (out->count == 0)
		return fail(err, err_size, "configuration describes no VM");
	return 0;
}

/*
 * What no VM's memory may include, whatever pool the caller offers: the secure world's memory,
 * the firmware flash, the board's device tree the hypervisor reads at the start of DRAM, and
 * the hypervisor's own image, stacks and tables.
 */
static const struct mem_range vm_avoid[] = {
    {PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, "secure RAM"},
    {PLAT_FLASH_BASE, PLAT_FLASH_SIZE, "the firmware flash"},
    {PLAT_DRAM_BASE, PLAT_HYP_BASE - PLAT_DRAM_BASE, "the board's device tree"},
    {PLAT_HYP_BASE, PLAT_HYP_SIZE, "the hypervisor"},
};
#define VM_AVOID_COUNT (sizeof(vm_avoid) / sizeof(vm_avoid[0]))

/*
 * The end of whatever [base, base + size) collides with (a placed VM or a vm_avoid range), or 0
 * if it collides with nothing.
 */
static uint64_t collision_end(const struct vms_config *cfg, uint64_t base, uint64_t size)
{
	uint64_t bump = 0;

	for (unsigned int i = 0; i < cfg->count; i++) {
		const struct vm_config *o = &cfg->vm[i];

		/* Placed VMs passed mem_place_check: their end does not wrap. */
		if (o->mem_base && mem_range_overlaps(base, size, o->mem_base, o->mem_size) &&
		    o->mem_base + o->mem_size > bump)
			bump = o->mem_base + o->mem_size;
	}
	for (size_t i = 0; i < VM_AVOID_COUNT; i++)
		if (mem_range_overlaps(base, size, vm_avoid[i].base, vm_avoid[i].size) &&
		    vm_avoid[i].base + vm_avoid[i].size > bump)
			bump = vm_avoid[i].base + vm_avoid[i].size;
	return bump;
}

/* Lowest 2 MiB aligned base in the pool where size fits next to the VMs placed so far. */
static uint64_t find_room(const struct vms_config *cfg, uint64_t size, uint64_t pool_base,
			  uint64_t pool_end)
{
	const struct mem_range pool = {pool_base, pool_end - pool_base, "the pool"};
	uint64_t base = pool_base;

	for (;;) {
		uint64_t bump;

		/* Round up to 2 MiB without wrapping; past the pool's end nothing fits. */
		if (!mem_range_end(base, SZ_2M - 1, &base))
			return 0;
		base &= ~(SZ_2M - 1);
		if (!mem_range_inside(base, size, pool.base, pool.size))
			return 0;
		bump = collision_end(cfg, base, size);
		if (!bump)
			return base;
		base = bump;
	}
}

/* One VM's fixed memory: 0, or -1 with err naming what it collides with. */
static int check_fixed(const struct vms_config *cfg, unsigned int i, uint64_t pool_base,
		       uint64_t pool_end, char *err, size_t err_size)
{
	const struct vm_config *vm = &cfg->vm[i];
	const struct mem_range r = {vm->mem_base, vm->mem_size, vm->name};
	const struct mem_range pool = {pool_base, pool_end - pool_base, "the RAM VMs can have"};
	const struct mem_range *hit = NULL;
	unsigned long long base = vm->mem_base, end = vm->mem_base + vm->mem_size;

	switch (mem_place_check(&r, SZ_2M, &pool, vm_avoid, VM_AVOID_COUNT, &hit)) {
	case MEM_PLACE_OK:
		break;
	case MEM_PLACE_EMPTY:
	case MEM_PLACE_WRAPS:
		return fail(err, err_size,
			    "%s: memory at %#llx (%llu MiB) runs past the end of the address space",
			    vm->name, base, (unsigned long long)(vm->mem_size >> 20));
	case MEM_PLACE_UNALIGNED:
		return fail(err, err_size, "%s: memory %#llx-%#llx is not 2 MiB aligned", vm->name,
			    base, end);
	case MEM_PLACE_OVERLAPS:
		return fail(err, err_size, "%s: memory %#llx-%#llx overlaps %s (%#llx-%#llx)",
			    vm->name, base, end, hit->name, (unsigned long long)hit->base,
			    (unsigned long long)(hit->base + hit->size));
	case MEM_PLACE_OUTSIDE:
		return fail(err, err_size,
			    "%s: memory %#llx-%#llx is outside the RAM VMs can have "
			    "(%#llx-%#llx)",
			    vm->name, base, end, (unsigned long long)pool_base,
			    (unsigned long long)pool_end);
	}
	for (unsigned int j = 0; j < i; j++) {
		const struct vm_config *o = &cfg->vm[j];

		if (o->mem_base &&
		    mem_range_overlaps(vm->mem_base, vm->mem_size, o->mem_base, o->mem_size))
			return fail(err, err_size, "%s and %s: memory overlaps", o->name, vm->name);
	}
	return 0;
}

static unsigned int lowest(uint32_t mask)
{
	return (unsigned int)__builtin_ctz(mask);
}

/* Every vCPU on a CPU of its own within its VM's CPUs, if possible (pinned VMs first). */
static int place_alone(struct vms_config *cfg, const uint32_t *aff)
{
	uint32_t used = 0;

	for (int pass = 0; pass < 2; pass++)
		for (unsigned int i = 0; i < cfg->count; i++) {
			struct vm_config *vm = &cfg->vm[i];

			if ((vm->cpus_named == 0) != pass)
				continue;
			for (unsigned int n = 0; n < vm->vcpus; n++) {
				uint32_t left = aff[i] & ~used;

				if (!left)
					return -1;
				vm->home[n] = (uint8_t)lowest(left);
				used |= 1U << vm->home[n];
			}
		}
	for (unsigned int i = 0; i < cfg->count; i++)
		for (unsigned int n = 0; n < cfg->vm[i].vcpus; n++)
			cfg->vm[i].allowed[n] = 1U << cfg->vm[i].home[n];
	return 0;
}

/*
 * Shared CPUs: each vCPU may run on any of its VM's CPUs; it starts on the least loaded. A VM
 * whose CPUs no other VM may use, at least one per vCPU, still gives each vCPU its own.
 */
static void place_shared(struct vms_config *cfg, const uint32_t *aff, unsigned int cpus)
{
	unsigned int load[32] = {0};

	for (unsigned int i = 0; i < cfg->count; i++) {
		struct vm_config *vm = &cfg->vm[i];
		uint32_t others = 0, left = aff[i];

		for (unsigned int j = 0; j < cfg->count; j++)
			if (j != i)
				others |= aff[j];
		if (!(others & aff[i]) && (unsigned int)__builtin_popcount(aff[i]) >= vm->vcpus) {
			for (unsigned int n = 0; n < vm->vcpus; n++) {
				vm->home[n] = (uint8_t)lowest(left);
				vm->allowed[n] = 1U << vm->home[n];
				left &= left - 1;
			}
			continue;
		}

		for (unsigned int n = 0; n < vm->vcpus; n++) {
			unsigned int best = lowest(aff[i]);

			for (unsigned int c = 0; c < cpus; c++)
				if ((aff[i] & (1U << c)) && load[c] < load[best])
					best = c;
			load[best]++;
			vm->home[n] = (uint8_t)best;
			vm->allowed[n] = aff[i];
		}
	}
}

static int place_cpus(struct vms_config *cfg, unsigned int cpus, char *err, size_t err_size)
{
	uint32_t all = cpus >= 32 ? ~0U : (1U << cpus) - 1, named = 0, rest;
	uint32_t aff[VM_MAX];
	unsigned int count[32] = {0};

	for (unsigned int i = 0; i < cfg->count; i++) {
		const struct vm_config *vm = &cfg->vm[i];

		if (vm->cpus_named & ~all)
			return fail(err, err_size, "%s: cpus: CPU %u is not on the board (it has %u CPUs)",
				    vm->name, lowest(vm->cpus_named & ~all), cpus);
		named |= vm->cpus_named;
	}
	rest = all & ~named ? all & ~named : all;
	for (unsigned int i = 0; i < cfg->count; i++)
		aff[i] = cfg->vm[i].cpus_named ? cfg->vm[i].cpus_named : rest;
	if (place_alone(cfg, aff))
		place_shared(cfg, aff, cpus);
	for (unsigned int i = 0; i < cfg->count; i++)
		for (unsigned int n = 0; n < cfg->vm[i].vcpus; n++)
			for (unsigned int c = 0; c < cpus; c++)
				count[c] += (cfg->vm[i].allowed[n] >> c) & 1;
	for (unsigned int i = 0; i < cfg->count; i++) {
		struct vm_config *vm = &cfg->vm[i];

		vm->exclusive = 0;
		vm->first_cpu = vm->home[0];
		for (unsigned int n = 0; n < vm->vcpus; n++)
			if (vm->allowed[n] == 1U << vm->home[n] && count[vm->home[n]] == 1)
				vm->exclusive |= 1U << n;
	}
	return 0;
}

int vms_config_place(struct vms_config *cfg, uint64_t pool_base, uint64_t pool_end,
		     unsigned int cpus, char *err, size_t err_size)
{
	uint64_t total = 0;

	if (pool_end <= pool_base)
		return fail(err, err_size, "no RAM is left for VMs (%#llx-%#llx)",
			    (unsigned long long)pool_base, (unsigned long long)pool_end);
	for (unsigned int i = 0; i < cfg->count; i++) {
		struct vm_config *vm = &cfg->vm[i];

		if (__builtin_add_overflow(total, vm->mem_size, &total))
			total = UINT64_MAX;
		if (vm->mem_base && check_fixed(cfg, i, pool_base, pool_end, err, err_size))
			return -1;
	}
	if (place_cpus(cfg, cpus, err, err_size))
		return -1;
	if (total > pool_end - pool_base)
		return fail(
		    err, err_size,
		    "the VMs need %llu MiB of RAM in all but only %llu MiB is free for them",
		    (unsigned long long)(total >> 20),
		    (unsigned long long)((pool_end - pool_base) >> 20));
	for (unsigned int i = 0; i < cfg->count; i++) {
		struct vm_config *vm = &cfg->vm[i];

		if (vm->mem_base)
			continue;
		vm->mem_base = find_room(cfg, vm->mem_size, pool_base, pool_end);
		if (!vm->mem_base)
			return fail(err, err_size, "%s: no free %llu MiB piece of RAM left for it",
				    vm->name, (unsigned long long)(vm->mem_size >> 20));
	}
	return 0;
}
