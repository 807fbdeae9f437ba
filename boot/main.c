// SPDX-License-Identifier: BSD-2-Clause
/* Boot stage, primary CPU: set up EL3, place the resident monitor, load Linux, start the monitor. */
#include <arch/cache.h>
#include <arch/el3.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <plat/power.h>
#include <rampart/fw_image.h>
#include <stack_guard.h>
#include <stdarg.h>
#include <string.h>

#include "boot.h"
#include "pac.h"
#include "rng_seed.h"

#ifndef RAMPART_VERSION
#define RAMPART_VERSION "dev"
#endif
#ifndef RAMPART_VARIANT
#define RAMPART_VARIANT "baremetal"
#endif

static uint64_t boot_tables[8][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
static uint64_t handover_tables[8][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
static struct boot_handoff handoff;
/* Where the monitor's image was placed, for the hand-over mapping. */
static uint64_t monitor_base, monitor_size;

/*
 * W^X at EL3 (SCTLR_EL3.WXN and mmu_build_checked): the boot stage executes only from flash and
 * writes secure RAM. It copies the monitor there through a writable, never-executable mapping;
 * only the hand-over mapping (boot_mmu_handover) makes the monitor's image executable, and then
 * read-only.
 */
static void boot_mmu_apply(uint64_t (*pool)[MMU_TABLE_ENTRIES], const struct mmu_region *regions,
			   size_t count)
{
	struct mmu_tables t = {&pool[0][0], 8, 0, MMU_REGIME_EL3 | MMU_WXN};
	const struct mmu_region *bad;
	int err = mmu_build_checked(&t, regions, count, &bad);

	if (err)
		panic("boot page tables: %s: %s", bad->name, mmu_strerror(err));
	mmu_enable_el3(&t);
}

/*
 * Non-cacheable DRAM: all the boot stage puts in DRAM is for the fw_cfg DMA engine or for Linux,
 * which starts with its MMU off. Nothing there needs cache maintenance.
 */
#define BOOT_REGIONS                                                                               \
	{PLAT_FLASH_BASE, PLAT_FLASH_SIZE, MMU_NORMAL | MMU_RO | MMU_EXEC, "flash"},               \
		{PLAT_DEVICE_BASE, PLAT_DEVICE_SIZE, MMU_DEVICE, "devices"},                       \
		{PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, MMU_NORMAL, "secure RAM"},            \
		{PLAT_DRAM_BASE, PLAT_DRAM_MAP_SIZE, MMU_NORMAL_NC | MMU_NS, "DRAM"}

static void boot_mmu_init(void)
{
	const struct mmu_region regions[] = {BOOT_REGIONS};

	boot_mmu_apply(boot_tables, regions, sizeof(regions) / sizeof(regions[0]));
}

/*
 * The mapping the monitor starts on: the same, but the monitor's image (text, rodata and data,
 * page-rounded) executable and read-only. The monitor installs its own tables before it writes
 * anything but its .bss and stack (monitor/main.c).
 */
static void boot_mmu_handover(void)
{
	uint64_t base = monitor_base & ~0xfffUL;
	uint64_t end = (monitor_base + monitor_size + 0xfff) & ~0xfffUL;
	const struct mmu_region regions[] = {
		BOOT_REGIONS,
		{base, end - base, MMU_NORMAL | MMU_RO | MMU_EXEC, "monitor image"},
	};

	boot_mmu_apply(handover_tables, regions, sizeof(regions) / sizeof(regions[0]));
}

/*
 * Copy one image of the (already checked) package to its region of secure RAM; returns its entry
 * point, or 0 if the package has no such image and it is optional.
 */
static uint64_t place_image(const struct fw_package_header *pkg, uint32_t id, const char *name,
			    uint64_t region_base, uint64_t region_size, int required)
{
	const struct fw_image_entry *img = fw_package_find(pkg, id);

	if (!img) {
		if (required)
			panic("firmware package has no %s image", name);
		return 0;
	}
	if (img->load_addr < region_base || img->size > region_size ||
	    img->load_addr - region_base > region_size - img->size)
		panic("%s image at %#lx (%u bytes) is outside its region %#lx-%#lx", name,
		      img->load_addr, img->size, region_base, region_base + region_size);
	memcpy((void *)(uintptr_t)img->load_addr, (const uint8_t *)pkg + img->offset, img->size);
	/* Secondary CPUs may fetch it with their MMU off: it must be in memory, not only cached. */
	dcache_clean_range(img->load_addr, img->size);
	log_info("%s placed at %#lx (%u bytes)", name, img->load_addr, img->size);
	if (id == FW_IMAGE_MONITOR) {
		monitor_base = img->load_addr;
		monitor_size = img->size;
	}
	return img->entry;
}

/* Check the firmware package in flash and place its images; returns the monitor's entry. */
static uint64_t place_images(void)
{
	/* Anything in secure RAM below the boot stage's own scratch. */
	const struct fw_load_windows windows = {
		{PLAT_SECURE_RAM_BASE, PLAT_BOOT_SCRATCH_BASE - PLAT_SECURE_RAM_BASE},
#ifdef RAMPART_HYP_PAYLOAD
		{PLAT_HYP_BASE, PLAT_HYP_SIZE},
#else
		{0, 0},
#endif
	};
	const struct fw_package_header *pkg = (const void *)(PLAT_FLASH_BASE + FW_PACKAGE_OFFSET);
	enum fw_image_error err;
	uint64_t monitor;
	int bad;

	err = fw_package_check_windows(pkg, PLAT_FLASH_SIZE - FW_PACKAGE_OFFSET, &windows, &bad);
	if (err != FW_IMAGE_OK)
		panic("firmware package: image %d: %s", bad, fw_image_strerror(err));
	monitor = place_image(pkg, FW_IMAGE_MONITOR, "monitor", PLAT_MONITOR_BASE,
			      PLAT_MONITOR_SIZE, 1);
	handoff.tee_entry = place_image(pkg, FW_IMAGE_TRUSTED_OS, "trusted OS", PLAT_TEE_BASE,
					PLAT_TEE_SIZE, 0);
	__asm__ volatile("ic iallu; dsb sy; isb" : : : "memory");
	return monitor;
}

/*
 * Canaries from the board's secret seed, once the loader has read it: one for each later image,
 * and the boot stage's own in place of the counter's on CPUs without RNDR. Only boot_main (built
 * without the protector) is on this CPU's stack here, and the holding pen's loop runs no
 * protected function (boot/pen.c), so changing the canary now breaks no frame's check.
 */
static __attribute__((no_stack_protector)) void derive_stack_guards(void)
{
	const uint8_t *seed = handoff.rng_seed;
	size_t len = handoff.rng_seed_len < sizeof(handoff.rng_seed) ? handoff.rng_seed_len
								      : sizeof(handoff.rng_seed);

	if (len < 16) {
		log_error("no secure RNG seed from the board: stack canaries only as random as %s",
			  stack_guard_source_name(stack_guard_source));
		return;
	}
	if (stack_guard_source == STACK_GUARD_FROM_COUNTER)
		stack_guard_init(stack_guard_derive(seed, len, STACK_GUARD_BOOT));
	handoff.stack_guard_monitor = stack_guard_derive(seed, len, STACK_GUARD_MONITOR);
	handoff.stack_guard_tee = stack_guard_derive(seed, len, STACK_GUARD_TRUSTED_OS);
	handoff.pac_key_tee[0] = seed_derive64(seed, len, SEED_LABEL_TEE_PAC_KEY_LO);
	handoff.pac_key_tee[1] = seed_derive64(seed, len, SEED_LABEL_TEE_PAC_KEY_HI);
	handoff.pac_key_monitor[0] = seed_derive64(seed, len, SEED_LABEL_MONITOR_PAC_KEY_LO);
	handoff.pac_key_monitor[1] = seed_derive64(seed, len, SEED_LABEL_MONITOR_PAC_KEY_HI);
#ifdef RAMPART_HYP_PAYLOAD
	handoff.ns_arg1 = stack_guard_derive(seed, len, STACK_GUARD_HYPERVISOR);
#endif
	log_info("stack protector canary from %s", stack_guard_source_name(stack_guard_source));
}

/*
 * Built without signing (pac.h): it never returns, and signing starts, re-keys and stops while
 * it is the only frame on this CPU's stack.
 */
__attribute__((no_stack_protector, target("branch-protection=none"))) void boot_main(void)
{
	void (*monitor_entry)(struct boot_handoff *);

	log_init("rampart-boot");
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	boot_mmu_init();
	/* Signing from here: a signature depends on the translation regime (TCR_EL3). */
	boot_pac_start_rndr();
	log_notice("Rampart %s (%s) on %s", RAMPART_VERSION, RAMPART_VARIANT, PLAT_NAME);
	monitor_entry = (void (*)(struct boot_handoff *))(uintptr_t)place_images();
#ifdef RAMPART_HYP_PAYLOAD
	hyp_load(&handoff);
	/*
	 * The board's seed for the trusted OS (and the canaries below) is in QEMU's tree at the
	 * DRAM base, which the hypervisor reads: take it out as linux_load does.
	 */
	if (!handoff.rng_seed_len)
		handoff.rng_seed_len = dt_take_rng_seed((void *)PLAT_DRAM_BASE, handoff.rng_seed,
							sizeof(handoff.rng_seed));
#else
	linux_load(&handoff);
#endif
	derive_stack_guards();
	boot_pac_start_seed(handoff.rng_seed, handoff.rng_seed_len < sizeof(handoff.rng_seed)
						  ? handoff.rng_seed_len
						  : sizeof(handoff.rng_seed));
	boot_pac_log();
	dcache_clean_range((uintptr_t)&handoff, sizeof(handoff));
	boot_mmu_handover();
	/* The monitor starts with EnIA clear and loads its own key (monitor/pac.h). */
	boot_pac_stop();
	monitor_entry(&handoff);
	panic("the monitor returned");
}

static void __attribute__((noreturn)) stop(const char *what, const char *fmt, va_list ap)
{
	char msg[200];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	log_error("%s", msg);
	log_notice("%s: powering off", what);
	plat_system_off();
}

void boot_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stop("boot stopped", fmt, ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	stop("boot stage panic", fmt, ap);
}

void boot_unexpected_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
	panic("unexpected exception in the boot stage (vector %lu): ESR %#lx ELR %#lx FAR %#lx", kind,
	      esr, elr, far);
}
