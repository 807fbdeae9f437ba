/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypervisor's objects: physical CPUs, VMs and their vCPUs. Each vCPU is pinned to one
 * physical CPU for its whole life (docs/variants.md): the EL1 and GIC virtual CPU interface
 * state of a vCPU never leaves its CPU's registers, so there is nothing to switch.
 */
#ifndef HYP_HYP_H
#define HYP_HYP_H

#include <arch/spinlock.h>
#include <plat/platform.h>
#include <stdint.h>

#include "guest_regs.h"
#include "stage2.h"
#include "sysreg_emul.h"
#include "vgic.h"
#include "vm_config.h"
#include "vmctl.h"
#include "vuart.h"

#define S2_POOL_PAGES 16

enum vcpu_power {
	VCPU_OFF = 0,
	VCPU_ON_PENDING, /* PSCI CPU_ON accepted, its CPU has not entered it yet */
	VCPU_ON,
};

enum vm_state {
	VM_RUNNING = 0,
	VM_STOPPING,  /* SYSTEM_OFF: its vCPUs are leaving */
	VM_RESETTING, /* SYSTEM_RESET: its vCPUs are leaving, vCPU 0's CPU reloads it */
	VM_OFF,
};

struct vm;

struct vcpu {
	struct guest_regs regs; /* first: TPIDR_EL2 points here (entry.S) */
	struct vm *vm;
	unsigned int index;
	unsigned int cpu; /* the physical CPU it is pinned to */
	volatile int power;
	volatile int in_guest; /* its CPU runs it (cleared when that CPU is back in its loop) */
	uint64_t entry, context;
	struct sysreg_state sysregs; /* emulated debug registers (sysreg_emul.h) */
	int lr_intid[16];	     /* which INTID each list register holds, -1 for none */
	/* CNTPCT at its last guest entry (0: out of the guest), its ticks in the guest this boot */
	uint64_t entered, guest_ticks;
};

struct vm {
	const struct vm_config *cfg;
	unsigned int id;      /* index in the configuration; VMID = id + 1 */
	struct spinlock lock; /* the vGIC and the UART */
	volatile int state;
	unsigned int boots;
	uint32_t sysreg_logged; /* trapped register classes already logged, 1 << class */
	struct s2_pool s2;
	uint64_t vttbr;
	uint64_t kernel_entry, dtb_addr;
	struct vcpu vcpu[VM_MAX_VCPUS];
	struct vgic vgic;
	struct vuart uart;
	/* Its devices' physical SPIs as last programmed (passthrough.c), by SPI number. */
	uint8_t pt_enabled[VGIC_NR_SPIS];
	uint8_t pt_cpu[VGIC_NR_SPIS];
	struct vmctl_ring con; /* its recent console output, for the control VM (vmctl.h) */
	uint64_t s2_pages[S2_POOL_PAGES][S2_TABLE_ENTRIES] __attribute__((aligned(4096)));
};

struct pcpu {
	unsigned int index;
	struct vcpu *vcpu; /* pinned here, or NULL: the CPU idles */
	uintptr_t redist;  /* its GIC redistributor (RD_base) */
};

extern struct pcpu hyp_cpus[PLAT_MAX_CPUS];
extern struct vm hyp_vms[VM_MAX];
extern unsigned int hyp_vm_count;
extern unsigned int hyp_list_regs;

unsigned int this_cpu_index(void);

/* entry.S */
void guest_resume(struct guest_regs *regs) __attribute__((noreturn));
void hyp_restart_stack(void (*fn)(void)) __attribute__((noreturn));
void hyp_secondary_entry(void);

/* vm.c: lifecycle */
int vm_create(struct vm *vm, unsigned int id, const struct vm_config *cfg, char *err,
	      size_t err_size);
int vm_load(struct vm *vm, char *err, size_t err_size);
void vm_request_stop(struct vm *vm, int reset);
int vm_request_start(struct vm *vm);
void vcpu_kick(const struct vcpu *v);
void pcpu_loop(void) __attribute__((noreturn));

/* trap.c */
void hyp_trap(struct guest_regs *regs, uint64_t kind);
void inject_abort(struct vcpu *v, int data, uint64_t far);

/* vgic_hw.c */
void gic_cpu_init_el2(void);
void gic_uart_irq_init(void);
void vgic_flush(struct vcpu *v);
void vgic_cpu_reset(void);
void gic_handle_irqs(struct vcpu *v);
void vgic_kick_mask(struct vm *vm, uint32_t mask);
void vgic_send_kick(unsigned int cpu);

/* passthrough.c: the board devices VMs own (vm_devices.h) */
void passthrough_init(struct vm *vm);
void passthrough_quiet(struct vm *vm);
int passthrough_irq(unsigned int intid);
void passthrough_sync(struct vm *vm);

/* vpsci.c */
void vpsci_call(struct vcpu *v);

/* console.c */
void hyp_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void hyp_panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void console_init(void);
void console_write(int vm_id, const char *name, const char *buf, unsigned int len, int eol);
void console_rx_irq(void);

/* vmctl_hyp.c: VM management from the control VM */
int vmctl_hvc(struct vcpu *v);
int vmctl_mmio(struct vcpu *v, uint64_t off, unsigned int size, int write, uint64_t *val);
void vmctl_guest_enter(struct vcpu *v);
void vmctl_guest_exit(struct vcpu *v);
void vmctl_vm_loaded(struct vm *vm);

/* psci calls to the monitor */
uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
void hyp_system_off(void) __attribute__((noreturn));

#endif
