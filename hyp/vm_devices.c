// SPDX-License-Identifier: BSD-2-Clause
/* Board devices given to VMs: resolution and checks (see vm_devices.h). Pure: host tested. */
#include "vm_devices.h"

#include <libfdt.h>
#include <plat/platform.h>
#include <rampart/mem_range.h>
#include <stdarg.h>
#include <string.h>
#if __STDC_HOSTED__
#include <stdio.h>
#else
#include <log.h> /* vsnprintf */
#endif

#include "stage2.h"
#include "vgic.h"
#include "vm_config.h"

#define WHY_MAX 160

static int fail(char *err, size_t err_size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, err_size, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * What the hypervisor keeps, by address: it virtualises the GIC and the console UART for every
 * VM, loads VMs through fw_cfg, and the rest belongs to the firmware and the secure world.
 */
static const struct mem_range not_for_vms[] = {
    {PLAT_GICD_BASE, PLAT_GICR_BASE + PLAT_GICR_SIZE - PLAT_GICD_BASE,
     "the GIC, which the hypervisor virtualises for every VM"},
    {PLAT_UART_NS_BASE, VM_DEV_PAGE, "the hypervisor's console UART"},
    {PLAT_FW_CFG_BASE, VM_DEV_PAGE, "the hypervisor's fw_cfg, which loads the VMs"},
    {PLAT_UART_SECURE_BASE, VM_DEV_PAGE, "the secure world's UART"},
    {PLAT_GPIO_SECURE_BASE, VM_DEV_PAGE, "the secure world's GPIO (power off, reset)"},
    {PLAT_FLASH_BASE, PLAT_FLASH_SIZE, "the firmware flash"},
    {PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, "secure RAM"},
};
#define NOT_FOR_VMS (sizeof(not_for_vms) / sizeof(not_for_vms[0]))

/* The kinds a VM may have, by compatible string (Linux Documentation/devicetree/bindings). */
static const struct {
	const char *compatible;
	enum vm_dev_kind kind;
	int dma;
} kinds[] = {
    {"virtio,mmio", VM_DEV_VIRTIO_MMIO, 1},
    {"arm,pl031", VM_DEV_PL031, 0},
};

static uint64_t cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = v << 32 | fdt32_to_cpu(p[i]);
	return v;
}

/* Register range n of the node (the root's #address-cells and #size-cells): 0, or -1. */
static int reg_n(const void *board, int node, int n, uint64_t *base, uint64_t *size)
{
	int ac = fdt_address_cells(board, 0), sc = fdt_size_cells(board, 0), len;
	const fdt32_t *reg = fdt_getprop(board, node, "reg", &len);
	uint64_t end;

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2 || !reg || len % ((ac + sc) * 4) ||
	    n >= len / ((ac + sc) * 4))
		return -1;
	reg += n * (ac + sc);
	*base = cells(reg, ac);
	*size = cells(reg + ac, sc);
	return *size && mem_range_end(*base, *size, &end) ? 0 : -1;
}

/* The node's one register range: 0, or -1 (none, or more than one). */
static int reg_of(const void *board, int node, uint64_t *base, uint64_t *size)
{
	uint64_t b, s;

	return reg_n(board, node, 1, &b, &s) ? reg_n(board, node, 0, base, size) : -1;
}

/* What the hypervisor keeps that any register range of the node overlaps, or NULL. */
static const char *kept(const void *board, int node)
{
	uint64_t b, s;

	for (int n = 0; !reg_n(board, node, n, &b, &s); n++)
		for (size_t i = 0; i < NOT_FOR_VMS; i++)
			if (mem_range_overlaps(b, s, not_for_vms[i].base, not_for_vms[i].size))
				return not_for_vms[i].name;
	return NULL;
}

/* The pages [*first, *end) that [base, base + size) touches (inside the device region). */
static void pages_of(uint64_t base, uint64_t size, uint64_t *first, uint64_t *end)
{
	*first = base & ~(VM_DEV_PAGE - 1);
	*end = (base + size + VM_DEV_PAGE - 1) & ~(VM_DEV_PAGE - 1);
}

static int same_page(const struct vm_device *a, const struct vm_device *b)
{
	uint64_t a0, a1, b0, b1;

	pages_of(a->base, a->size, &a0, &a1);
	pages_of(b->base, b->size, &b0, &b1);
	return a0 < b1 && b0 < a1;
}

static int copy_prop(const void *board, int node, const char *name, char *buf, int *len_out)
{
	int len;
	const char *p = fdt_getprop(board, node, name, &len);

	*len_out = 0;
	if (!p)
		return 0;
	if (len > VM_DEV_PROP_MAX)
		return -1;
	memcpy(buf, p, (size_t)len);
	*len_out = len;
	return 0;
}

/* The node is the GIC: a GICv3 with three interrupt cells (type, number, flags). */
static int is_gic(const void *board, int node)
{
	int len;
	const fdt32_t *n = fdt_getprop(board, node, "#interrupt-cells", &len);

	return node >= 0 && !fdt_node_check_compatible(board, node, "arm,gic-v3") && n &&
	       len == 4 && fdt32_to_cpu(*n) == 3;
}

/* Its one interrupt, an SPI of the GIC within the virtual GIC's range: 0, or -1 with why. */
static int interrupt_of(const void *board, int node, struct vm_device *d, char *why)
{
	int len, plen;
	const fdt32_t *irq = fdt_getprop(board, node, "interrupts", &len);
	const fdt32_t *parent = fdt_getprop(board, node, "interrupt-parent", &plen);
	uint32_t type, num;

	if (fdt_getprop(board, node, "interrupts-extended", NULL))
		return fail(why, WHY_MAX, "has interrupts-extended, which VMs cannot have");
	if (!irq)
		return 0;
	if (!parent)
		parent = fdt_getprop(board, 0, "interrupt-parent", &plen);
	if (!parent || plen != 4 ||
	    !is_gic(board, fdt_node_offset_by_phandle(board, fdt32_to_cpu(*parent))))
		return fail(why, WHY_MAX, "has an interrupt that does not go to the GIC");
	if (len != 12)
		return fail(why, WHY_MAX, "has %d interrupt cells: VMs get devices with one SPI",
			    len / 4);
	type = fdt32_to_cpu(irq[0]);
	num = fdt32_to_cpu(irq[1]);
	d->irq_flags = fdt32_to_cpu(irq[2]) & 0xf;
	if (type != 0)
		return fail(why, WHY_MAX, "has an interrupt that is not an SPI (type %u)", type);
	if (num >= VGIC_NR_SPIS)
		return fail(why, WHY_MAX,
			    "has SPI %u (INTID %u), beyond the virtual GIC's INTIDs 32-%u", num,
			    num + 32, VGIC_NR_IRQS - 1);
	if (d->irq_flags != 1 && d->irq_flags != 4)
		return fail(why, WHY_MAX,
			    "has an interrupt of trigger type %u: only rising edge (1) and level "
			    "high (4)",
			    d->irq_flags);
	d->intid = num + 32;
	return 0;
}

/* Its clocks, all fixed clocks of one rate the VM's device tree can repeat: 0, or -1 with why. */
static int clocks_of(const void *board, int node, struct vm_device *d, char *why)
{
	int len;
	const fdt32_t *c = fdt_getprop(board, node, "clocks", &len);

	if (!c)
		return 0;
	if (len % 4 || len / 4 > VM_DEV_CLOCKS_MAX)
		return fail(why, WHY_MAX, "has more clocks than %d", VM_DEV_CLOCKS_MAX);
	for (int i = 0; i < len / 4; i++) {
		int clk = fdt_node_offset_by_phandle(board, fdt32_to_cpu(c[i])), flen;
		const fdt32_t *hz =
		    clk < 0 ? NULL : fdt_getprop(board, clk, "clock-frequency", &flen);

		if (!hz || flen != 4 || fdt_node_check_compatible(board, clk, "fixed-clock"))
			return fail(why, WHY_MAX, "has a clock that is not a fixed-clock");
		if (i > 0 && fdt32_to_cpu(*hz) != d->clock_hz)
			return fail(why, WHY_MAX, "has clocks of different rates");
		d->clock_hz = fdt32_to_cpu(*hz);
	}
	d->nclocks = (uint8_t)(len / 4);
	if (copy_prop(board, node, "clock-names", d->clock_names, &d->clock_names_len))
		return fail(why, WHY_MAX, "has clock-names longer than %d bytes", VM_DEV_PROP_MAX);
	return 0;
}

/* The property is the string value (the board's strings are not trusted to end). */
static int prop_is(const void *board, int node, const char *prop, const char *value)
{
	int len;
	const char *p = fdt_getprop(board, node, prop, &len);

	return p && (size_t)len == strlen(value) + 1 && !memcmp(p, value, (size_t)len);
}

static int kind_of(const char *compat, int clen, struct vm_device *d)
{
	for (size_t i = 0; compat && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (fdt_stringlist_contains(compat, clen, kinds[i].compatible)) {
			d->kind = kinds[i].kind;
			d->dma = (uint8_t)kinds[i].dma;
			return 0;
		}
	return -1;
}

/*
 * What the VM needs to know of the board's node: 0, or -1 with why completing a sentence that
 * starts with the node's name.
 */
static int describe(const void *board, int node, struct vm_device *d, char *why)
{
	const char *name = fdt_get_name(board, node, NULL);
	int has_reg, clen;
	const char *compat = fdt_getprop(board, node, "compatible", &clen);

	memset(d, 0, sizeof(*d));
	if (!name || strlen(name) >= VM_DEV_NAME_MAX)
		return fail(why, WHY_MAX, "has a node name longer than %d characters",
			    VM_DEV_NAME_MAX - 1);
	memcpy(d->name, name, strlen(name) + 1);
	if (kept(board, node))
		return fail(why, WHY_MAX, "is not for VMs: it is %s", kept(board, node));
	has_reg = !reg_of(board, node, &d->base, &d->size);
	if (prop_is(board, node, "secure-status", "okay"))
		return fail(why, WHY_MAX, "belongs to the secure world (secure-status \"okay\")");
	if (fdt_getprop(board, node, "status", NULL) && !prop_is(board, node, "status", "okay") &&
	    !prop_is(board, node, "status", "ok"))
		return fail(why, WHY_MAX, "is disabled on this board (status not \"okay\")");
	if (kind_of(compat, clen, d))
		return fail(why, WHY_MAX,
			    "is not a device VMs can have (compatible \"%s\"): only virtio,mmio "
			    "transports and the arm,pl031 RTC",
			    compat && clen > 0 && compat[clen - 1] == '\0' ? compat : "");
	if (!has_reg)
		return fail(why, WHY_MAX, "has no single register range (reg)");
	if (!mem_range_inside(d->base, d->size, PLAT_DEVICE_BASE, PLAT_DEVICE_SIZE))
		return fail(why, WHY_MAX,
			    "has registers at %#llx-%#llx, outside the device region %#llx-%#llx",
			    (unsigned long long)d->base, (unsigned long long)(d->base + d->size),
			    (unsigned long long)PLAT_DEVICE_BASE,
			    (unsigned long long)(PLAT_DEVICE_BASE + PLAT_DEVICE_SIZE));
	if (copy_prop(board, node, "compatible", d->compatible, &d->compatible_len))
		return fail(why, WHY_MAX, "has a compatible longer than %d bytes", VM_DEV_PROP_MAX);
	d->dma_coherent = fdt_getprop(board, node, "dma-coherent", NULL) != NULL;
	if (interrupt_of(board, node, d, why) || clocks_of(board, node, d, why))
		return -1;
	return 0;
}

static int find(const struct vm_config *vm, const char *name)
{
	for (unsigned int i = 0; i < vm->dev_count; i++)
		if (!strcmp(vm->dev[i].name, name))
			return (int)i;
	return -1;
}

/* A device o named in the page of d, to name in a refusal (or the one in it it got along). */
static const struct vm_device *named_in_page(const struct vm_config *o, const struct vm_device *d,
					     const struct vm_device *fallback)
{
	for (unsigned int k = 0; k < o->dev_count; k++)
		if (o->dev[k].named && same_page(&o->dev[k], d))
			return &o->dev[k];
	return fallback;
}

/* Give d to VM i, if no VM resolved before it has it, its page or its interrupt. */
static int claim(struct vms_config *cfg, unsigned int i, const struct vm_device *d, char *err,
		 size_t err_size)
{
	struct vm_config *vm = &cfg->vm[i];

	for (unsigned int j = 0; j < i; j++) {
		const struct vm_config *o = &cfg->vm[j];

		for (unsigned int k = 0; k < o->dev_count; k++) {
			const struct vm_device *e = &o->dev[k];
			uint64_t page, end;

			if (!strcmp(e->name, d->name) && e->named && d->named)
				return fail(err, err_size, "%s and %s: both are given %s", o->name,
					    vm->name, d->name);
			if (same_page(e, d)) {
				pages_of(d->base, d->size, &page, &end);
				return fail(err, err_size,
					    "%s: %s is in the 4 KiB page %#llx, which %s has (for "
					    "%s): a page goes to one VM (the 8 virtio-mmio "
					    "transports of a page go together)",
					    vm->name, d->name, (unsigned long long)page, o->name,
					    named_in_page(o, d, e)->name);
			}
			if (d->intid && d->intid == e->intid)
				return fail(err, err_size, "%s: %s has INTID %u, as %s of %s does",
					    vm->name, d->name, d->intid, e->name, o->name);
		}
	}
	if (vm->dev_count == VM_DEV_MAX)
		return fail(err, err_size,
			    "%s: more than %d devices with those sharing their pages", vm->name,
			    VM_DEV_MAX);
	vm->dev[vm->dev_count++] = *d;
	return 0;
}

/* Every board device in the pages of VM i's device k comes with it. */
static int companions(struct vms_config *cfg, unsigned int i, const void *board, unsigned int k,
		      char *err, size_t err_size)
{
	struct vm_config *vm = &cfg->vm[i];
	struct vm_device d;
	char why[WHY_MAX];
	int node;

	fdt_for_each_subnode (node, board, 0) {
		const char *name = fdt_get_name(board, node, NULL);
		int touches = 0;

		for (int n = 0; !touches && !reg_n(board, node, n, &d.base, &d.size); n++)
			touches = same_page(&d, &vm->dev[k]);
		if (!touches || (name && find(vm, name) >= 0))
			continue;
		if (describe(board, node, &d, why))
			return fail(err, err_size, "%s: %s shares a 4 KiB page with %s, and %s %s",
				    vm->name, vm->dev[k].name, name ? name : "?", name ? name : "?",
				    why);
		if (claim(cfg, i, &d, err, err_size))
			return -1;
	}
	if (node < 0 && node != -FDT_ERR_NOTFOUND)
		return fail(err, err_size, "the board's device tree is damaged: %s",
			    fdt_strerror(node));
	return 0;
}

/* The pages of the VM's devices, each once: touching or overlapping ranges merged. */
static void merge_pages(struct vm_config *vm)
{
	vm->mmio_count = 0;
	for (unsigned int i = 0; i < vm->dev_count; i++) {
		uint64_t b, e;

		pages_of(vm->dev[i].base, vm->dev[i].size, &b, &e);
		vm->mmio[vm->mmio_count++] = (struct vm_mmio){b, e - b};
	}
	for (int merged = 1; merged;) {
		merged = 0;
		for (unsigned int i = 0; i < vm->mmio_count && !merged; i++)
			for (unsigned int j = i + 1; j < vm->mmio_count && !merged; j++) {
				struct vm_mmio *a = &vm->mmio[i], *b = &vm->mmio[j];
				uint64_t lo = a->base < b->base ? a->base : b->base;
				uint64_t hi = a->base + a->size > b->base + b->size
						  ? a->base + a->size
						  : b->base + b->size;

				if (a->base > b->base + b->size || b->base > a->base + a->size)
					continue;
				*a = (struct vm_mmio){lo, hi - lo};
				*b = vm->mmio[--vm->mmio_count];
				merged = 1;
			}
	}
}

/* One name of VM i's devices: the device, and whatever shares its pages. */
static int resolve(struct vms_config *cfg, unsigned int i, const void *board, const char *name,
		   char *err, size_t err_size)
{
	struct vm_config *vm = &cfg->vm[i];
	int node = fdt_subnode_offset(board, 0, name), k = find(vm, name);
	const char *found = node < 0 ? NULL : fdt_get_name(board, node, NULL);
	unsigned int first = vm->dev_count;
	struct vm_device d;
	char why[WHY_MAX];

	/* libfdt takes "pl031" for "pl031@9010000"; a configuration names one node exactly. */
	if (!found || strcmp(found, name))
		return fail(err, err_size,
			    "%s: no device '%s' on this board (a node name under the root of its "
			    "device tree, e.g. pl031@9010000)",
			    vm->name, name);
	if (k >= 0) { /* it came with the page of one named before */
		vm->dev[k].named = 1;
		return 0;
	}
	if (describe(board, node, &d, why))
		return fail(err, err_size, "%s: %s %s", vm->name, name, why);
	d.named = 1;
	if (claim(cfg, i, &d, err, err_size))
		return -1;
	/* A device that came along may reach into further pages: on to the end of the list. */
	for (unsigned int c = first; c < vm->dev_count; c++)
		if (companions(cfg, i, board, c, err, err_size))
			return -1;
	return 0;
}

int vms_config_devices(struct vms_config *cfg, const void *board, char *err, size_t err_size)
{
	for (unsigned int i = 0; i < cfg->count; i++) {
		struct vm_config *vm = &cfg->vm[i];
		int dma = 0;

		vm->dev_count = 0;
		for (unsigned int n = 0; n < vm->dev_named; n++)
			if (resolve(cfg, i, board, vm->dev_names[n], err, err_size))
				return -1;
		for (unsigned int k = 0; k < vm->dev_count; k++)
			dma |= vm->dev[k].dma;
		if (dma && !vm->dma_identity)
			return fail(err, err_size,
				    "%s: its devices master the bus and the board has no IOMMU: "
				    "the VM needs dma = \"identity\" (its RAM at the same "
				    "guest-physical and physical addresses; the devices can reach "
				    "all normal-world RAM)",
				    vm->name);
		merge_pages(vm);
	}
	return 0;
}

int vm_dma_check(const struct vm_config *vm, const struct s2_pool *s2, char *err, size_t err_size)
{
	int dma = 0;

	for (unsigned int k = 0; k < vm->dev_count; k++)
		dma |= vm->dev[k].dma;
	if (!dma)
		return 0;
	if (!vm->dma_identity)
		return fail(err, err_size, "%s: a bus master without dma = \"identity\"", vm->name);
	for (uint64_t off = 0; off < vm->mem_size; off += VM_DEV_PAGE) {
		uint64_t ipa = vm->mem_base + off, pa = s2_translate(s2, ipa, NULL);

		if (pa != ipa)
			return fail(err, err_size,
				    "%s: guest-physical %#llx is %s%#llx in stage 2, but its bus "
				    "masters need RAM at the same guest-physical and physical "
				    "addresses (no IOMMU)",
				    vm->name, (unsigned long long)ipa,
				    pa == ~0ULL ? "unmapped, not " : "physical ",
				    (unsigned long long)(pa == ~0ULL ? ipa : pa));
	}
	return 0;
}

const struct vm_device *vm_device_at(const struct vm_config *vm, uint64_t addr)
{
	const struct vm_device *in_page = NULL;

	for (unsigned int k = 0; k < vm->dev_count; k++) {
		const struct vm_device *d = &vm->dev[k];
		uint64_t b, e;

		if (addr >= d->base && addr - d->base < d->size)
			return d;
		pages_of(d->base, d->size, &b, &e);
		if (!in_page && addr >= b && addr < e)
			in_page = d;
	}
	return in_page;
}
