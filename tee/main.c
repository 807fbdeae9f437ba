// SPDX-License-Identifier: BSD-2-Clause
/* Trusted OS start-up at S-EL1: translation tables, then wait for calls. */
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <rampart/tee_monitor.h>
#include <stack_guard.h>
#include <stdarg.h>
#include <string.h>

#include "crypto.h"
#include "crypto_gcm.h"
#include "storage_key.h"
#include "heap.h"
#include "image_window.h"
#include "pac.h"
#include "pages.h"
#include "stacks.h"
#include "ta.h"
#include "thread.h"
#include "guest.h"
#include "tee.h"

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[], __bss_end[];
extern char tee_entry_table[];
void log_enable_locking(void);

/* Room for the level 3 tables the stack guard pages split the image's blocks into. */
#define TEE_MMU_TABLES 12
static uint64_t tee_tables[TEE_MMU_TABLES][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
/* W^X: no S-EL1 or TA page is both writable and executable. */
static struct mmu_tables tee_mmu = {&tee_tables[0][0], TEE_MMU_TABLES, 0,
				    MMU_REGIME_EL1 | MMU_WXN};
static uint64_t ns_base, ns_size;
uintptr_t tee_pages_base;
size_t tee_pages_size;

int ns_range_ok(uint64_t pa, uint64_t size)
{
	/* Called on threads only: a guest's call may name its own RAM alone (guest.h). */
	return pa >= ns_base && size <= ns_size && pa - ns_base <= ns_size - size &&
	       guest_range_ok(thread_client(), pa, size);
}

/*
 * Secure RAM after the image: the kernel heap, then the pages TA instances are built from
 * (see tee.h for the split).
 */
static void tee_memory_init(void)
{
	uintptr_t heap = ((uintptr_t)__bss_end + 0xfff) & ~0xfffUL;

	if (heap + TEE_HEAP_SIZE > PLAT_TEE_BASE + PLAT_TEE_SIZE)
		panic("trusted OS image leaves no room for its heap");
	heap_init((void *)heap, TEE_HEAP_SIZE);
	tee_pages_base = heap + TEE_HEAP_SIZE;
	tee_pages_size = PLAT_TEE_BASE + PLAT_TEE_SIZE - tee_pages_base;
	pages_init(tee_pages_base, tee_pages_size);
	log_info("heap %#lx (%lu KiB), TA pages %#lx (%lu KiB)", heap, TEE_HEAP_SIZE / 1024,
		 tee_pages_base, tee_pages_size / 1024);
}

/*
 * The board's seed, copied out of the monitor's memory while the MMU is still off (the monitor
 * cleaned it to memory); wiped once the DRBG has it.
 */
static uint8_t boot_seed[TEE_SEED_MAX];

static size_t take_boot_seed(uint64_t seed_pa, uint64_t seed_len)
{
	const volatile uint8_t *src = (const volatile uint8_t *)(uintptr_t)seed_pa;

	if (!seed_pa || seed_len > sizeof(boot_seed) || seed_pa < PLAT_SECURE_RAM_BASE ||
	    seed_pa - PLAT_SECURE_RAM_BASE > PLAT_SECURE_RAM_SIZE - seed_len)
		return 0;
	for (size_t i = 0; i < seed_len; i++)
		boot_seed[i] = src[i];
	return seed_len;
}

/* Built without signing: it turns pointer authentication on midway (pac.h). */
__attribute__((target("branch-protection=none"))) uint64_t
tee_cold_main(uint64_t ram_base, uint64_t ram_size, uint64_t seed_pa, uint64_t seed_len)
{
	/* Normal-world RAM is mapped non-secure: a pointer can never reach secure memory. */
	struct mmu_region regions[5 + 2 * PLAT_MAX_CPUS + THREAD_COUNT] = {
		{PLAT_UART_SECURE_BASE, 0x1000, MMU_DEVICE, "secure UART"},
		{PLAT_TEE_BASE, PLAT_TEE_SIZE, MMU_NORMAL, "trusted OS"},
		{(uintptr_t)__text_start, (uintptr_t)(__text_end - __text_start),
		 MMU_NORMAL | MMU_RO | MMU_EXEC, "text"},
		{(uintptr_t)__rodata_start, (uintptr_t)(__rodata_end - __rodata_start),
		 MMU_NORMAL | MMU_RO, "rodata"},
		{ram_base, ram_size, MMU_NORMAL | MMU_NS, "normal-world RAM"},
	};

	size_t seed_got = take_boot_seed(seed_pa, seed_len);
	size_t nregions = 5;

	/* Last, so the guard pages are holes in the image's mapping. */
	nregions += stack_guard_regions(&tee_stack_guards, regions + nregions,
					sizeof(regions) / sizeof(regions[0]) - nregions);

	log_init("rampart-tee");
	log_disable_user_console();
	ns_base = ram_base;
	ns_size = ram_size;
	const struct mmu_region *bad;
	int err;

	/* Built with BTI landing pads (-mbranch-protection=standard): guard the code pages. */
	if ((read_sysreg(id_aa64pfr1_el1) & 0xf) != 0)
		tee_mmu.regime |= MMU_BTI;
	err = mmu_build_checked(&tee_mmu, regions, nregions, &bad);
	if (err)
		panic("trusted OS page tables: %s: %s", bad->name, mmu_strerror(err));
	image_window_init(tee_mmu.pool);
	mmu_enable_el1(&tee_mmu);
	tee_pac_enable();
	log_enable_locking();
	log_info("%u stack guard pages unmapped", stack_guards_check(&tee_stack_guards));
	tee_stack_guard_selftest();
	tee_memory_init();
	thread_init((uintptr_t)tee_mmu.pool);
	/* No thread on this CPU yet: fpu.c's kernel SIMD section (the GCM self-test) reads this. */
	write_sysreg(tpidr_el1, 0);
	crypto_gcm_init();
	tee_crypto_init(seed_got ? boot_seed : NULL, seed_got);
	memset(boot_seed, 0, sizeof(boot_seed));
	tee_crypto_selftest();
	ta_signing_key_report();
	if (!storage_key_selftest())
		log_info("trusted storage: device key present");
	log_info("stack protector canary from %s", stack_guard_source_name(stack_guard_source));
	tee_pac_log();
	log_info("branch target identification: %s",
		 (tee_mmu.regime & MMU_BTI) ? "code pages guarded" : "not on this CPU");
	log_info("trusted OS %d.%d up at S-EL1: OP-TEE message ABI %d.%d", RAMPART_TEE_REVISION_MAJOR,
		 RAMPART_TEE_REVISION_MINOR, 2, 0);
	return (uintptr_t)tee_entry_table;
}

__attribute__((target("branch-protection=none"))) void tee_cpu_on_main(void)
{
	mmu_enable_el1(&tee_mmu);
	tee_pac_enable();
	write_sysreg(tpidr_el1, 0); /* no thread on this CPU yet (fpu.c) */
}

/*
 * vectors.S, on this CPU's abort stack; sp is where the exception was taken. Returns only for
 * the stack guard self-test's fault, with f->elr where it resumes.
 */
void tee_unexpected_exception(struct user_frame *f, uint64_t sp)
{
	uint64_t far = read_sysreg(far_el1);
	uint64_t resume = stack_guard_probe_fault(&tee_stack_guards, far);
	char name[STACK_GUARD_NAME_LEN];

	if (resume) {
		f->elr = resume;
		return;
	}
	if (stack_guard_name(&tee_stack_guards, far, name, sizeof(name)))
		panic("stack overflow: %s hit its guard page at %#lx (ELR %#lx, sp %#lx)", name,
		      far, f->elr, sp);
	panic("unexpected exception at S-EL1: ESR %#lx ELR %#lx FAR %#lx SPSR %#lx sp %#lx",
	      read_sysreg(esr_el1), f->elr, far, f->spsr, sp);
}

void panic(const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_error("trusted OS panic: %s", msg);
	for (;;)
		wfi();
}
