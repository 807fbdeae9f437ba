/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU "virt" board (-M virt,secure=on,virtualization=on,gic-version=3): every board address and
 * size Rampart relies on. Values checked against QEMU's hw/arm/virt.c memory map (a15memmap).
 * A port to another board is a new directory beside this one.
 */
#ifndef PLAT_PLATFORM_H
#define PLAT_PLATFORM_H

/* Constants usable from C, assembly and linker scripts alike. */
#ifdef __ASSEMBLER__
#define PLAT_U(x) x
#else
#define PLAT_U(x) x##UL
#endif

#define PLAT_NAME "qemu-virt"

/* Flash 0: the firmware image given with -bios; only the secure world can reach it. */
#define PLAT_FLASH_BASE PLAT_U(0x00000000)
#define PLAT_FLASH_SIZE PLAT_U(0x04000000)

/* Devices. */
#define PLAT_DEVICE_BASE PLAT_U(0x08000000)
#define PLAT_DEVICE_SIZE PLAT_U(0x06000000)
#define PLAT_GICD_BASE PLAT_U(0x08000000)
#define PLAT_GICR_BASE PLAT_U(0x080A0000)
#define PLAT_GICR_SIZE PLAT_U(0x00F60000)
#define PLAT_UART_NS_BASE PLAT_U(0x09000000)
#define PLAT_FW_CFG_BASE PLAT_U(0x09020000)
#define PLAT_UART_SECURE_BASE PLAT_U(0x09040000)
#define PLAT_GPIO_SECURE_BASE PLAT_U(0x090B0000)
/* gpio-pwr device lines on the secure PL061: a rising edge asks QEMU to power off / restart. */
#define PLAT_GPIO_POWEROFF_LINE 0
#define PLAT_GPIO_RESTART_LINE 1

/* Secure RAM: 16 MiB that only the secure world can reach. */
#define PLAT_SECURE_RAM_BASE PLAT_U(0x0E000000)
#define PLAT_SECURE_RAM_SIZE PLAT_U(0x01000000)

/* Where the resident EL3 monitor runs: the first MiB of secure RAM. */
#define PLAT_MONITOR_BASE PLAT_SECURE_RAM_BASE
#define PLAT_MONITOR_SIZE PLAT_U(0x00100000)
/* The trusted OS (S-EL1) and its TAs: the rest of secure RAM below the boot scratch. */
#define PLAT_TEE_BASE PLAT_U(0x0E100000)
#define PLAT_TEE_SIZE PLAT_U(0x00E00000)
/*
 * Boot stage scratch (stack, data, page tables) at the top of secure RAM; free once the
 * monitor runs. Its last page holds the secondary CPUs' release slots (the holding pen).
 */
#define PLAT_BOOT_SCRATCH_BASE PLAT_U(0x0EF00000)
#define PLAT_BOOT_SCRATCH_SIZE PLAT_U(0x000FF000)
#define PLAT_PEN_BASE PLAT_U(0x0EFFF000)

/* DRAM: QEMU puts its device tree at the start; the size comes from the device tree. */
#define PLAT_DRAM_BASE PLAT_U(0x40000000)
/* The firmware maps this much DRAM; QEMU's virt board keeps low RAM below 256 GiB. */
#define PLAT_DRAM_MAP_SIZE PLAT_U(0x100000000)

/*
 * virt variant: the hypervisor's image, stacks and tables live in this reserved piece of DRAM,
 * above the 2 MiB where QEMU leaves its device tree; the VMs' memory comes from above it.
 */
#define PLAT_HYP_BASE PLAT_U(0x40200000)
#define PLAT_HYP_SIZE PLAT_U(0x00e00000)

/* Generic timer: QEMU 7.2's counter runs at 62.5 MHz (GTIMER_SCALE = 16 ns). */
#define PLAT_TIMER_FREQ_HZ PLAT_U(62500000)

/* CPUs: QEMU numbers them Aff0 = index % 8, Aff1 = index / 8; we support up to 8. */
#define PLAT_MAX_CPUS 8
#define PLAT_CPUS_PER_CLUSTER_SHIFT 3
#define PLAT_CPUS_PER_CLUSTER (1 << PLAT_CPUS_PER_CLUSTER_SHIFT)

/* Per-CPU EL3 stacks. */
#define PLAT_BOOT_STACK_SIZE 0x2000
#define PLAT_MONITOR_STACK_SIZE 0x2000

#endif
