// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: the hypervisor's VM configuration (hyp/vm_config.c), a device tree the user
 * gives QEMU with -fw_cfg, parsed and placed as hyp/main.c does on a 2 GiB, 4-CPU board.
 * Checked: nothing read outside the blob (ASan), every refusal names its problem, and an
 * accepted configuration is sane: names and strings terminated, each VM's RAM 2 MiB aligned
 * inside the pool and apart from the others, each vCPU allowed on CPUs of the board only,
 * starting on one of them, and a vCPU marked exclusive alone on its single CPU.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm_config.h"

#define POOL_BASE 0x41000000UL /* PLAT_HYP_BASE + PLAT_HYP_SIZE */
#define POOL_END  0xc0000000UL
#define CPUS	  4

static void check(const struct vms_config *c)
{
	if (c->count == 0 || c->count > VM_MAX)
		abort();
	for (unsigned int i = 0; i < c->count; i++) {
		const struct vm_config *vm = &c->vm[i];

		if (!memchr(vm->name, 0, sizeof(vm->name)) || !vm->name[0] ||
		    !memchr(vm->kernel, 0, sizeof(vm->kernel)) ||
		    !memchr(vm->initrd, 0, sizeof(vm->initrd)) ||
		    !memchr(vm->bootargs, 0, sizeof(vm->bootargs)))
			abort(); /* a string the hypervisor would run off the end of */
		if (vm->dev_named > VM_DEV_MAX)
			abort();
		for (unsigned int d = 0; d < vm->dev_named; d++)
			if (!memchr(vm->dev_names[d], 0, VM_DEV_NAME_MAX) || !vm->dev_names[d][0])
				abort(); /* a device name vm_devices.c would run off the end of */
		if (vm->vcpus == 0 || vm->vcpus > VM_MAX_VCPUS || vm->weight == 0 ||
		    vm->weight > VM_WEIGHT_MAX)
			abort();
		for (unsigned int n = 0; n < vm->vcpus; n++) {
			uint32_t a = vm->allowed[n];

			if (!a || (a >> CPUS) || vm->home[n] >= CPUS || !(a & (1U << vm->home[n])))
				abort(); /* a vCPU with no CPU, or one off the board */
			if (vm->cpus_named && (a & ~vm->cpus_named))
				abort(); /* outside its `cpus` */
			if (!((vm->exclusive >> n) & 1))
				continue;
			if (a != 1U << vm->home[n])
				abort();
			for (unsigned int j = 0; j < c->count; j++)
				for (unsigned int m = 0; m < c->vm[j].vcpus; m++)
					if ((j != i || m != n) && (c->vm[j].allowed[m] & a))
						abort(); /* an exclusive CPU shared */
		}
		if ((vm->mem_base & 0x1fffff) || vm->mem_base < POOL_BASE ||
		    vm->mem_size > POOL_END - vm->mem_base || vm->mem_size < (32UL << 20))
			abort(); /* RAM outside the pool */
		for (unsigned int j = 0; j < i; j++) {
			const struct vm_config *o = &c->vm[j];

			if (vm->mem_base < o->mem_base + o->mem_size &&
			    o->mem_base < vm->mem_base + vm->mem_size)
				abort(); /* two VMs share RAM */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vms_config cfg;
	char err[200];
	void *blob;

	/* hyp/main.c reads the file into an 8-byte aligned buffer; ASan bounds it at size. */
	blob = malloc(size ? size : 1);
	if (!blob)
		return 0;
	memcpy(blob, data, size);
	err[0] = '\0';
	if (vms_config_parse(blob, size, &cfg, err, sizeof(err)) ||
	    vms_config_place(&cfg, POOL_BASE, POOL_END, CPUS, err, sizeof(err))) {
		if (!err[0])
			abort(); /* a refusal must name the problem */
	} else {
		check(&cfg);
	}
	free(blob);
	return 0;
}
