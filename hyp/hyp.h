/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypervisor's objects: physical CPUs, VMs and their vCPUs. A vCPU runs on one physical
 * CPU at a time; when CPUs are shared (docs/hypervisor.md "Scheduling"), sched.c moves vCPUs
 * between them and vcpu_switch.c saves and restores what a guest can observe of its CPU.
 */
#ifndef HYP_HYP_H
#define HYP_HYP_H

#include <arch/fp_regs.h>
#include <arch/spinlock.h>
#include <plat/platform.h>
#include <stdint.h>

#include "guest_regs.h"
#include "sched_policy.h"
#include "stage2.h"
#include "sysreg_emul.h"
#include "tee_med.h"
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

/* Where the scheduler has a vCPU (sched.c). */
enum vcpu_sched {
	VCPU_OUT = 0, /* off: in no queue, its registers loaded nowhere */
	VCPU_READY,   /* in a run queue */
	VCPU_RUNNING, /* a CPU runs it (se.cpu) */
	VCPU_BLOCKED, /* waiting in WFI for an interrupt or its timer */
};

/*
 * What a guest can observe of its CPU beyond the general registers (vcpu_switch.c): EL1
 * system registers, the virtual timer, FP/SIMD with SVE and SME, the GIC virtual CPU interface,
 * pointer authentication keys. Valid while the vCPU is not loaded on a CPU.
 */
struct vcpu_ctx {
	uint64_t el1[32];
	uint64_t pauth[8]; /* APIB, APDA, APDB, APGA: lo, hi */
	uint64_t cntv_ctl, cntv_cval;
	uint64_t vmcr, ich_hcr, ap0r[4], ap1r[4];
	uint64_t lr[16];
	int vtimer_active; /* its CPU held the virtual timer PPI active for a hardware-linked LR */
	/* V0-V31 or Z0-Z31, P0-P15, FFR, FPSR, FPCR: arch/fp_regs.h's layout (vcpu_fp.S) */
	struct vcpu_fp {
		uint8_t regs[FP_REGS_SIZE];
	} fp __attribute__((aligned(16)));
	/* SME: PSTATE.SM and PSTATE.ZA; ZA, SVL rows of SVL bytes, and SME2's ZT0, when ZA is on */
	uint64_t svcr;
	uint8_t za[FP_REGS_VL_MAX * FP_REGS_VL_MAX] __attribute__((aligned(16)));
	uint8_t zt0[64] __attribute__((aligned(16)));
};

enum vm_state {
	VM_RUNNING = 0,
	VM_STOPPING,  /* SYSTEM_OFF: its vCPUs are leaving */
	VM_RESETTING, /* SYSTEM_RESET: its vCPUs are leaving, the last CPU out reloads it */
	VM_OFF,
};

struct vm;

struct vcpu {
	struct guest_regs regs; /* first: TPIDR_EL2 points here (entry.S) */
	struct vm *vm;
	unsigned int index;
	unsigned int cpu; /* the physical CPU it runs on, or ran on last */
	volatile int power;
	volatile int sched;	 /* enum vcpu_sched, under the scheduler's lock */
	int loaded_cpu;		 /* the CPU whose registers hold its state, or -1 */
	int exclusive;		 /* the only vCPU its CPU may run: no WFI trap, never switched */
	struct sched_ent se;	 /* run queue entry (sched_policy.h) */
	uint64_t run_start;	 /* counter value when it last entered the guest */
	uint64_t run_ticks;	 /* counter ticks it has run, for the statistics */
	uint32_t ran_on;	 /* CPUs it has run on, one bit each */
	unsigned int switches;	 /* times its state was loaded on a CPU */
	struct vcpu_ctx ctx;
	uint64_t entry, context;
	struct sysreg_state sysregs; /* emulated debug registers (sysreg_emul.h) */
	int lr_intid[16];	     /* which INTID each list register holds, -1 for none */
	uint16_t lr_eoi;	     /* list registers whose entry asks for EOI maintenance */
	/* CNTPCT when it was last entered on a CPU (0: not on one), its ticks on CPUs this boot */
	uint64_t entered, guest_ticks;
};

struct vm {
	const struct vm_config *cfg;
	unsigned int id;      /* index in the configuration; VMID = id + 1 */
	struct spinlock lock; /* the vGIC and the UART */
	volatile int state;
	unsigned int boots;
	uint32_t sysreg_logged; /* trapped register classes already logged, 1 << class */
	int finishing;		/* a CPU is completing its stop or restart (sched.c) */
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
	struct tee_med tee;    /* its way to the trusted OS (tee_med.h) */
	uint64_t s2_pages[S2_POOL_PAGES][S2_TABLE_ENTRIES] __attribute__((aligned(4096)));
};

struct pcpu {
	unsigned int index;
	struct vcpu *vcpu;   /* the vCPU it runs, or NULL */
	struct vcpu *loaded; /* the vCPU whose state its registers hold, or NULL */
	uintptr_t redist;    /* its GIC redistributor (RD_base) */
	volatile int need_resched; /* another CPU queued work here: reconsider at the next exit */
	uint64_t slice_end;	   /* counter value the running vCPU's time slice ends at, or 0 */
	uint64_t watch_next;	   /* the earliest timer of the blocked vCPUs it watches, or 0 */
	uint32_t last_ran[VM_MAX]; /* per VM: vCPU index + 1 and boot count that ran here last */
	uint64_t ich_hcr;	   /* what this CPU last wrote to ICH_HCR_EL2 (vgic_hw.c)... */
	int ich_hcr_valid;	   /* ...if it has written it since its GIC was reset */
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
void vcpu_start(struct vcpu *v);
void vm_finish_stop(struct vm *vm);
void pcpu_loop(void) __attribute__((noreturn));

/* sched.c: run queues, time slices, wake-ups */
void sched_init(unsigned int cpus);
void sched_vm_init(struct vm *vm);
void sched_kick(struct vcpu *v);
void sched_kick_idle(void);
void pcpu_switch_out(struct vcpu *v, int why) __attribute__((noreturn));
int sched_exit(struct vcpu *v);
void sched_wfx(struct vcpu *v, int wfe);
/*
 * What WFI does (D1.11.2), for a vCPU whose state is on this CPU, exclusive or not: nothing if
 * an interrupt is pending for it or its timer fires; otherwise it blocks until one is, its CPU
 * running others meanwhile, and does not return (it resumes at its ELR with its registers).
 */
void sched_wfi(struct vcpu *v);
void sched_timer_irq(void);
void sched_arm_timer(void);
void sched_log_vm(const struct vm *vm);
uint64_t sched_now(void);
#define SWITCH_OFF     0
#define SWITCH_BLOCK   1
#define SWITCH_PREEMPT 2

/* vcpu_switch.c: a vCPU's state into or out of this CPU's registers */
void vcpu_ctx_reset(struct vcpu *v);
void vcpu_save(struct vcpu *v);
void vcpu_restore(struct vcpu *v);
void vcpu_discard(struct vcpu *v);
/* A powerdown PSCI CPU_SUSPEND of the vCPU on this CPU: it wakes at entry as after CPU_ON. */
void vcpu_powerdown(struct vcpu *v, uint64_t entry, uint64_t context);
/* vcpu_fp.S */
void vcpu_fp_save_simd(struct vcpu_fp *f);
void vcpu_fp_save_sve(struct vcpu_fp *f, int with_ffr);
void vcpu_fp_load_simd(const struct vcpu_fp *f);
void vcpu_fp_load_sve(const struct vcpu_fp *f, int with_ffr);
uint64_t vcpu_sme_read_svcr(void);
void vcpu_sme_write_svcr(uint64_t svcr);
void vcpu_za_save(void *za);
void vcpu_za_load(const void *za);
void vcpu_zt0_save(void *zt0);
void vcpu_zt0_load(const void *zt0);

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
int vgic_lr_pending(const struct vcpu *v);
void vgic_cpu_save(struct vcpu_ctx *c);
void vgic_cpu_restore(const struct vcpu_ctx *c);

/* passthrough.c: the board devices VMs own (vm_devices.h) */
void passthrough_init(struct vm *vm);
void passthrough_quiet(struct vm *vm);
int passthrough_irq(unsigned int intid);
void passthrough_sync(struct vm *vm);
void passthrough_follow(struct vcpu *v);

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
void vmctl_guest_exit(struct vcpu *v, uint64_t now);
void vmctl_vm_loaded(struct vm *vm);

/* psci calls to the monitor */
uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
void hyp_system_off(void) __attribute__((noreturn));

#endif
