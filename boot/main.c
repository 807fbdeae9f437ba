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
#include <stdarg.h>
#include <string.h>

#include "boot.h"

#ifndef RAMPART_VERSION
#define RAMPART_VERSION "dev"
#endif
#ifndef RAMPART_VARIANT
#define RAMPART_VARIANT "baremetal"
#endif

static uint64_t boot_tables[8][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
static struct boot_handoff handoff;

static void boot_mmu_init(void)
{
	const struct mmu_region regions[] = {
		{PLAT_FLASH_BASE, PLAT_FLASH_SIZE, MMU_NORMAL | MMU_RO | MMU_EXEC, "flash"},
		{PLAT_DEVICE_BASE, PLAT_DEVICE_SIZE, MMU_DEVICE, "devices"},
		/* Executable: the boot stage jumps into the monitor it copied there. */
		{PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, MMU_NORMAL | MMU_EXEC, "secure RAM"},
		/*
		 * Non-cacheable: all the boot stage puts in DRAM is for the fw_cfg DMA engine or
		 * for Linux, which starts with its MMU off. Nothing there needs cache maintenance.
		 */
		{PLAT_DRAM_BASE, PLAT_DRAM_MAP_SIZE, MMU_NORMAL_NC | MMU_NS, "DRAM"},
	};
	struct mmu_tables t = {&boot_tables[0][0], 8, 0};

	if (mmu_build(&t, regions, sizeof(regions) / sizeof(regions[0])))
		panic("boot page tables do not fit");
	mmu_enable_el3(&t);
}

/* Check the firmware package in flash and copy the monitor to secure RAM; returns its entry. */
static uint64_t place_monitor(void)
{
	const struct fw_load_window window = {PLAT_SECURE_RAM_BASE, PLAT_MONITOR_SIZE};
	const void *pkg = (const void *)(PLAT_FLASH_BASE + FW_PACKAGE_OFFSET);
	const struct fw_image_entry *mon;
	enum fw_image_error err;
	int bad;

	err = fw_package_check(pkg, PLAT_FLASH_SIZE - FW_PACKAGE_OFFSET, &window, &bad);
	if (err != FW_IMAGE_OK)
		panic("firmware package: image %d: %s", bad, fw_image_strerror(err));
	mon = fw_package_find(pkg, FW_IMAGE_MONITOR);
	if (!mon)
		panic("firmware package has no monitor image");
	memcpy((void *)(uintptr_t)mon->load_addr, (const uint8_t *)pkg + mon->offset, mon->size);
	/* Secondary CPUs fetch it with their MMU off: it must be in memory, not only in cache. */
	dcache_clean_range(mon->load_addr, mon->size);
	__asm__ volatile("ic iallu; dsb sy; isb" : : : "memory");
	log_info("monitor placed at %#lx (%u bytes)", mon->load_addr, mon->size);
	return mon->entry;
}

void boot_main(void)
{
	void (*monitor_entry)(struct boot_handoff *);

	log_init("rampart-boot");
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	boot_mmu_init();
	log_notice("Rampart %s (%s) on %s", RAMPART_VERSION, RAMPART_VARIANT, PLAT_NAME);
	monitor_entry = (void (*)(struct boot_handoff *))(uintptr_t)place_monitor();
	linux_load(&handoff);
	dcache_clean_range((uintptr_t)&handoff, sizeof(handoff));
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
