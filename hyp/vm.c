// SPDX-License-Identifier: BSD-2-Clause
/*
 * A VM's life: its stage 2 address space, loading its kernel, initramfs and device tree from
 * fw_cfg into its RAM, starting its vCPUs, and stopping or restarting it alone.
 */
#include <arch/cache.h>
#include <drivers/fw_cfg.h>
#include <drivers/fw_cfg_file.h>
#include <libfdt.h>
#include <log.h>
#include <string.h>

#include "../boot/linux_layout.h"
#include "el2_map.h"
#include "el2_regs.h"
#include "el2_traps.h"
#include "guest_dt.h"
#include "hyp.h"
#include "tee_med.h"

struct pcpu hyp_cpus[PLAT_MAX_CPUS];
struct vm hyp_vms[VM_MAX];
unsigned int hyp_vm_count;

static struct spinlock fw_cfg_lock;
static uint8_t dma_desc[16] __attribute__((aligned(64)));
static char bootargs[VM_BOOTARGS_MAX + 64];

/* One line per device the configuration names, with how many came along in its page. */
static void log_devices(const struct vm *vm)
{
	const struct vm_config *c = vm->cfg;
	int dma = 0;

	for (unsigned int i = 0; i < c->dev_count; i++) {
		const struct vm_device *d = &c->dev[i];
		uint64_t page = d->base & ~(VM_DEV_PAGE - 1);
		unsigned int more = 0;

		dma |= d->dma;
		if (!d->named)
			continue;
		for (unsigned int j = 0; j < c->dev_count; j++)
			more += !c->dev[j].named && (c->dev[j].base & ~(VM_DEV_PAGE - 1)) == page;
		if (more)
			hyp_log("%s: device %s at %#lx, INTID %u, with the %u others of its 4 KiB "
				"page",
				c->name, d->name, d->base, d->intid, more);
		else
			hyp_log("%s: device %s at %#lx, INTID %u", c->name, d->name, d->base,
				d->intid);
	}
	if (dma)
		hyp_log("%s: its devices master the bus: its RAM is at guest-physical = physical "
			"(dma = \"identity\", checked in stage 2); they reach all normal-world RAM",
			c->name);
}

int vm_create(struct vm *vm, unsigned int id, const struct vm_config *cfg, char *err,
	      size_t err_size)
{
	vm->cfg = cfg;
	vm->id = id;
	vm->s2 = (struct s2_pool){&vm->s2_pages[0][0], S2_POOL_PAGES, 0};
	/* Guest-physical = physical for RAM: a VM can name another's memory, and fault on it. */
	if (s2_init(&vm->s2) ||
	    s2_map(&vm->s2, cfg->mem_base, cfg->mem_base, cfg->mem_size, S2_RAM)) {
		snprintf(err, err_size, "%s: cannot map its memory in stage 2", cfg->name);
		return -1;
	}
	/* Its devices' pages at their physical addresses: device memory, never executable. */
	for (unsigned int i = 0; i < cfg->mmio_count; i++)
		if (s2_map(&vm->s2, cfg->mmio[i].base, cfg->mmio[i].base, cfg->mmio[i].size,
			   S2_DEVICE)) {
			snprintf(err, err_size, "%s: cannot map its devices at %#lx in stage 2",
				 cfg->name, cfg->mmio[i].base);
			return -1;
		}
	if (vm_dma_check(cfg, &vm->s2, err, err_size))
		return -1;
	dcache_clean_range((uintptr_t)vm->s2_pages, sizeof(vm->s2_pages));
	vm->vttbr = (uint64_t)(id + 1) << 48 | (uintptr_t)vm->s2.pages;
	for (unsigned int i = 0; i < cfg->vcpus; i++) {
		struct vcpu *v = &vm->vcpu[i];

		v->vm = vm;
		v->index = i;
		for (unsigned int l = 0; l < 16; l++)
			v->lr_intid[l] = -1;
	}
	sched_vm_init(vm);
	passthrough_init(vm);
	log_devices(vm);
	if (cfg->control)
		hyp_log("%s: the control VM: VM management by HVC %#x.. and the page at %#lx",
			cfg->name, VMCTL_FN(0), VMCTL_BASE);
	return 0;
}

/* A file for the VM: a named fw_cfg file, or QEMU's -kernel/-initrd (size/data keys). */
static int open_item(const struct fw_cfg *cfg, const char *file, uint16_t size_key,
		     uint16_t data_key, uint16_t *select, uint32_t *size)
{
	if (file[0])
		return fw_cfg_find_file(cfg, file, select, size);
	*select = data_key;
	*size = fw_cfg_read_u32(cfg, size_key);
	return *size ? 0 : -1;
}

static int load_locked(struct vm *vm, char *err, size_t err_size)
{
	const struct vm_config *c = vm->cfg;
	struct fw_cfg cfg = {.base = PLAT_FW_CFG_BASE, .dma_desc = (uintptr_t)dma_desc};
	struct arm64_image_header hdr;
	struct linux_layout lay;
	struct guest_dt_params dt;
	uint16_t ksel, isel = 0;
	uint32_t ksize, isize = 0;
	const char *why;
	int r;

	if (fw_cfg_probe(&cfg)) {
		snprintf(err, err_size, "no QEMU fw_cfg device with DMA: cannot load kernels");
		return -1;
	}
	if (open_item(&cfg, c->kernel, FW_CFG_KERNEL_SIZE, FW_CFG_KERNEL_DATA, &ksel, &ksize)) {
		snprintf(err, err_size, "%s: missing kernel: %s", c->name,
			 c->kernel[0] ? "no such fw_cfg file" : "start QEMU with -kernel <Image>");
		if (c->kernel[0])
			snprintf(err, err_size, "%s: missing kernel: no fw_cfg file '%s'", c->name,
				 c->kernel);
		return -1;
	}
	if (open_item(&cfg, c->initrd, FW_CFG_INITRD_SIZE, FW_CFG_INITRD_DATA, &isel, &isize) &&
	    c->initrd[0]) {
		snprintf(err, err_size, "%s: missing initramfs: no fw_cfg file '%s'", c->name,
			 c->initrd);
		return -1;
	}
	memset(&hdr, 0, sizeof(hdr));
	fw_cfg_read_bytes(&cfg, ksel, &hdr, ksize < sizeof(hdr) ? ksize : sizeof(hdr));
	if (linux_plan_layout(&hdr, ksize, isize, c->mem_base, c->mem_size, &lay, &why)) {
		snprintf(err, err_size, "%s: %s (kernel %u bytes, initramfs %u bytes, %lu MiB)",
			 c->name, why, ksize, isize, c->mem_size >> 20);
		return -1;
	}
	if (fw_cfg_dma_read(&cfg, ksel, lay.kernel_base, ksize) ||
	    (isize && fw_cfg_dma_read(&cfg, isel, lay.initrd_base, isize))) {
		snprintf(err, err_size, "%s: fw_cfg DMA error while loading", c->name);
		return -1;
	}
	/* The device wrote memory behind the caches: drop any stale lines of ours. */
	dcache_inval_range(lay.kernel_base, ksize);
	if (isize)
		dcache_inval_range(lay.initrd_base, isize);

	if (c->has_bootargs) {
		snprintf(bootargs, sizeof(bootargs), "%s rampart.vm=%s", c->bootargs, c->name);
	} else {
		uint32_t n = fw_cfg_read_u32(&cfg, FW_CFG_CMDLINE_SIZE);
		size_t room = sizeof(bootargs) - VM_NAME_MAX - 16;

		if (n > room)
			n = (uint32_t)room;
		memset(bootargs, 0, sizeof(bootargs));
		fw_cfg_read_bytes(&cfg, FW_CFG_CMDLINE_DATA, bootargs, n);
		n = (uint32_t)strlen(bootargs);
		snprintf(bootargs + n, sizeof(bootargs) - n, "%srampart.vm=%s", n ? " " : "",
			 c->name);
	}
	dt = (struct guest_dt_params){.vcpus = c->vcpus,
				      .mem_base = c->mem_base,
				      .mem_size = c->mem_size,
				      .bootargs = bootargs,
				      .initrd_start = lay.initrd_base,
				      .initrd_end = lay.initrd_base + isize,
				      .devs = c->dev,
				      .ndevs = c->dev_count,
				      .control = c->control,
				      .optee = !c->no_tee};
	/* New seeds at every boot: a restarted VM does not replay its last boot's randomness. */
	dt.has_seeds = !tee_med_random(dt.rng_seed, sizeof(dt.rng_seed)) &&
		       !tee_med_random(&dt.kaslr_seed, sizeof(dt.kaslr_seed));
	if (!dt.has_seeds)
		hyp_log("%s: no seeds from the trusted OS: its RNG starts unseeded", c->name);
	r = guest_dt_build((void *)(uintptr_t)lay.dtb_base, LINUX_DTB_MAX, &dt);
	memset(dt.rng_seed, 0, sizeof(dt.rng_seed));
	dt.kaslr_seed = 0;
	if (r) {
		snprintf(err, err_size, "%s: building its device tree failed: %s", c->name,
			 fdt_strerror(r));
		return -1;
	}
	dcache_clean_range(lay.dtb_base, LINUX_DTB_MAX);
	vm->kernel_entry = lay.kernel_base;
	vm->dtb_addr = lay.dtb_base;
	return 0;
}

/* For the log: "on CPUs 0-1 (one each)", "sharing CPUs 0-3 (weight 2)". */
static const char *cpus_desc(const struct vm_config *c)
{
	static char buf[64];
	uint32_t all = 0;
	unsigned int lo, hi;

	for (unsigned int i = 0; i < c->vcpus; i++)
		all |= c->allowed[i];
	lo = (unsigned int)__builtin_ctz(all);
	hi = 31 - (unsigned int)__builtin_clz(all);
	if (c->exclusive == (1U << c->vcpus) - 1)
		snprintf(buf, sizeof(buf), "on CPUs %u-%u (one each)", lo, hi);
	else
		snprintf(buf, sizeof(buf), "sharing CPUs %u-%u%s (weight %u)", lo, hi,
			 all == ((2U << hi) - (1U << lo)) ? "" : " in part", c->weight);
	return buf;
}

int vm_load(struct vm *vm, char *err, size_t err_size)
{
	int r;

	spin_lock(&fw_cfg_lock);
	/* The VM's RAM is mapped at EL2 only while its kernel and device tree are written. */
	el2_window_open(vm->cfg->mem_base, vm->cfg->mem_size);
	r = load_locked(vm, err, err_size);
	el2_window_close();
	spin_unlock(&fw_cfg_lock);
	if (r)
		return r;
	spin_lock(&vm->lock);
	vgic_init(&vm->vgic, vm->cfg->vcpus);
	for (unsigned int i = 0; i < vm->cfg->vcpus; i++)
		vm->vcpu[i].power = VCPU_OFF;
	vuart_reset(&vm->uart);
	vmctl_vm_loaded(vm);
	vm->vcpu[0].entry = vm->kernel_entry;
	vm->vcpu[0].context = vm->dtb_addr;
	vm->vcpu[0].power = VCPU_ON_PENDING;
	tee_med_vm_start(vm);
	vm->boots++;
	vm->sysreg_logged = 0;
	vm->state = VM_RUNNING;
	spin_unlock(&vm->lock);
	hyp_log("%s: %u vCPUs %s, %lu MiB at %#lx, kernel %#lx, device tree %#lx%s",
		vm->cfg->name, vm->cfg->vcpus, cpus_desc(vm->cfg), vm->cfg->mem_size >> 20,
		vm->cfg->mem_base, vm->kernel_entry, vm->dtb_addr,
		vm->boots > 1 ? " (restart)" : "");
	vcpu_kick(&vm->vcpu[0]);
	return 0;
}

void vcpu_kick(const struct vcpu *v)
{
	sched_kick((struct vcpu *)v);
}

void vm_request_stop(struct vm *vm, int reset)
{
	spin_lock(&vm->lock);
	if (vm->state != VM_RUNNING) {
		spin_unlock(&vm->lock);
		return;
	}
	vm->state = reset ? VM_RESETTING : VM_STOPPING;
	for (unsigned int i = 0; i < vm->cfg->vcpus; i++)
		vm->vcpu[i].power = VCPU_OFF;
	vuart_flush_line(vm);
	spin_unlock(&vm->lock);
	for (unsigned int i = 0; i < vm->cfg->vcpus; i++)
		vcpu_kick(&vm->vcpu[i]);
}

/* Start a VM that is off: an idle CPU loads it as after a reset. 0, or -1 if it is not off. */
int vm_request_start(struct vm *vm)
{
	spin_lock(&vm->lock);
	if (vm->state != VM_OFF) {
		spin_unlock(&vm->lock);
		return -1;
	}
	vm->state = VM_RESETTING;
	spin_unlock(&vm->lock);
	sched_kick_idle(); /* an idle CPU's loop loads it (sched.c) */
	return 0;
}

/* A vCPU leaving reset (PSCI CPU_ON, or vCPU 0 of a VM that starts): sched.c loads it next. */
void vcpu_start(struct vcpu *v)
{
	memset(&v->regs, 0, sizeof(v->regs));
	memset(&v->sysregs, 0, sizeof(v->sysregs)); /* the emulated MDSCR_EL1 starts at 0 */
	vcpu_ctx_reset(v);
	v->regs.x[0] = v->context;
	v->regs.elr = v->entry;
	v->regs.spsr = SPSR_EL1H_MASKED;
	v->power = VCPU_ON;
}

static int others_running(void)
{
	for (unsigned int i = 0; i < hyp_vm_count; i++)
		if (hyp_vms[i].state != VM_OFF)
			return 1;
	return 0;
}

static void all_off_check(void)
{
	if (others_running())
		return;
	hyp_log("every VM is off: powering off");
	hyp_system_off();
}

/* Every vCPU of a stopping VM is out and its state dropped (sched.c): off, or load it again. */
void vm_finish_stop(struct vm *vm)
{
	char err[160];

	/* Its devices stop interrupting and writing to its RAM before it is reused. */
	spin_lock(&vm->lock);
	passthrough_quiet(vm);
	spin_unlock(&vm->lock);
	/* Its calls in the trusted OS end and its TEE state goes before its RAM is reused. */
	tee_med_vm_stop(vm);
	sched_log_vm(vm);
	if (vm->state == VM_RESETTING) {
		if (vm_load(vm, err, sizeof(err))) {
			hyp_log("%s: restart failed: %s", vm->cfg->name, err);
			vm->state = VM_OFF;
			all_off_check();
		}
	} else {
		vm->state = VM_OFF;
		hyp_log("%s: off%s", vm->cfg->name,
			others_running() ? "; the other VMs keep running" : "");
		all_off_check();
	}
}
