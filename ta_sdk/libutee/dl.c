// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA side of shared TA libraries: constructors of every module the trusted OS loaded, run
 * dependencies first in the order it gives (TA_SYS_DL_INFO init_seq), and dl_iterate_phdr(),
 * which, as OP-TEE's libutee does and its os_test TA expects, calls back for every module
 * whatever the callback returns and returns the last value (glibc stops at the first non-zero).
 * The TA's own constructors are its .init_array (mk/ta.ld); a library's are its DT_INIT_ARRAY.
 */
#include <link.h>
#include <rampart/ta_abi.h>
#include <tee_api_types.h>

#include "utee_internal.h"
#include "utee_syscalls.h"

#define DL_MAX_MODULES 16

typedef void (*init_fn)(void);
extern const init_fn __init_array_start[] __attribute__((weak));
extern const init_fn __init_array_end[] __attribute__((weak));

static uint64_t seq_done; /* constructors of the modules up to this init_seq have run */

static void run_module(uint32_t index, const struct ta_dl_info *info)
{
	if (!index) {
		for (const init_fn *f = __init_array_start; f && f < __init_array_end; f++)
			(*f)();
		return;
	}
	for (uint64_t i = 0; i < info->init_count; i++) {
		init_fn f = ((const init_fn *)(uintptr_t)info->init_array)[i];

		/* An entry left 0 or -1 is a placeholder (ELF-64 "Initialization"). */
		if (f && f != (init_fn)(uintptr_t)-1)
			f();
	}
}

void utee_dl_run_init(void)
{
	for (;;) {
		struct ta_dl_info info, best = {0};
		uint32_t best_index = 0;
		int found = 0;

		for (uint32_t i = 0; i < DL_MAX_MODULES; i++) {
			if (utee_dl_info(i, &info) != TEE_SUCCESS)
				break;
			if (info.init_seq > seq_done && (!found || info.init_seq < best.init_seq)) {
				best = info;
				best_index = i;
				found = 1;
			}
		}
		if (!found)
			return;
		seq_done = best.init_seq;
		run_module(best_index, &best);
	}
}

int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *info, size_t size, void *data), void *data)
{
	static const char hexd[] = "0123456789abcdef";
	struct ta_dl_info info;
	unsigned long long count = 0;
	int ret = 0;

	while (count < DL_MAX_MODULES && utee_dl_info((uint32_t)count, &info) == TEE_SUCCESS)
		count++;
	for (uint32_t i = 0; i < count; i++) {
		struct dl_phdr_info d = {0};
		char name[37];
		unsigned int o = 0;

		if (utee_dl_info(i, &info) != TEE_SUCCESS)
			break;
		for (unsigned int b = 0; b < 16; b++) {
			if (b == 4 || b == 6 || b == 8 || b == 10)
				name[o++] = '-';
			name[o++] = hexd[info.uuid[b] >> 4];
			name[o++] = hexd[info.uuid[b] & 15];
		}
		name[o] = 0;
		d.dlpi_addr = info.base;
		d.dlpi_name = i ? name : "";
		d.dlpi_phdr = (const Elf64_Phdr *)(uintptr_t)info.phdr;
		d.dlpi_phnum = (Elf64_Half)info.phnum;
		d.dlpi_adds = count;
		ret = callback(&d, sizeof(d), data);
	}
	return ret;
}
