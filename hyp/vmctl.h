/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * VM management from the control VM (docs/hypervisor.md "VM management interface"). One handler,
 * reached two ways:
 *  - HVC/SMC in the SMCCC Vendor Specific Hypervisor Service range (owning entity 6, SMCCC
 *    ARM DEN 0028 6.2 and 7.x): fast calls, SMC64/HVC64 function IDs 0xC6000000 + n, SMCCC 1.1
 *    convention (arguments x1-x6, results x0-x3);
 *  - a 4 KiB register page at VMCTL_BASE in the control VM's device tree (compatible
 *    "rampart,vm-control"), not backed by memory: every access traps to EL2 and is decoded here.
 *    Registers X0-X7 mirror x0-x7 of the HVC; a write to CALL runs the call on them, and the
 *    results replace X0-X3 as they would replace x0-x3. Linux user space reaches it through
 *    /dev/mem, which Debian's kernel gives for addresses that are neither RAM nor claimed.
 * Data (VM names, console bytes) travels in the argument and result registers only, never
 * through guest memory: the hypervisor reads and writes nothing of the caller but those
 * registers, and the page decoder touches nothing but its eight registers.
 * Everything here but the VM side (vmctl_hyp.c) is pure and unit tested.
 */
#ifndef HYP_VMCTL_H
#define HYP_VMCTL_H

#include <stdint.h>

/* Function IDs: fast, SMC64, owning entity 6 (Vendor Specific Hypervisor Service). */
#define VMCTL_FN(n)	(0xC6000000U | (n))
#define VMCTL_VM_NAME	VMCTL_FN(0) /* x1 index -> x1,x2 name */
#define VMCTL_VM_INFO	VMCTL_FN(1) /* x1 index -> x1 state|vcpus|flags, x2 bytes, x3 us */
#define VMCTL_START	VMCTL_FN(2) /* x1,x2 name */
#define VMCTL_STOP	VMCTL_FN(3) /* x1,x2 name */
#define VMCTL_DESTROY	VMCTL_FN(4) /* x1,x2 name */
#define VMCTL_RESTART	VMCTL_FN(5) /* x1,x2 name */
#define VMCTL_CON_READ	VMCTL_FN(6) /* x1,x2 name, x3 position -> x0 n, x1 next, x2,x3 bytes */
#define VMCTL_CON_WRITE VMCTL_FN(7) /* x1,x2 name, x3 n (1-16), x4,x5 bytes -> x0 taken */
#define VMCTL_FN_COUNT	8
/* The general queries of every service range (DEN 0028 7.x: 0xXXXXFF00/01/03, SMC32). */
#define VMCTL_CALL_COUNT     0x8600FF00U
#define VMCTL_CALL_UID	     0x8600FF01U
#define VMCTL_REVISION	     0x8600FF03U
#define VMCTL_REV_MAJOR	     1
#define VMCTL_REV_MINOR	     0
#define VMCTL_OEN_VENDOR_HYP 6

/* Results in x0 (negative: refused). -1 is SMCCC's NOT_SUPPORTED. */
#define VMCTL_OK	      0
#define VMCTL_NOT_SUPPORTED   (-1) /* not the control VM, or no such function */
#define VMCTL_INVALID	      (-2) /* a name not NUL-terminated, a bad length or index */
#define VMCTL_UNKNOWN_VM      (-3)
#define VMCTL_ALREADY_RUNNING (-4)
#define VMCTL_ALREADY_OFF     (-5)
#define VMCTL_NOT_ALLOWED     (-6) /* the control VM stopping, destroying or restarting itself */
#define VMCTL_BUSY	      (-7) /* stopping or restarting: try again */

/* VMCTL_VM_INFO x1: bits 0-7 state, 8-15 vCPUs, bit 16 the control VM, 32-63 boots. */
#define VMCTL_STATE_RUNNING    0
#define VMCTL_STATE_STOPPING   1
#define VMCTL_STATE_RESTARTING 2
#define VMCTL_STATE_OFF	       3
#define VMCTL_INFO_CONTROL     (1UL << 16)

#define VMCTL_NAME_BYTES 16 /* two registers, NUL-terminated */
#define VMCTL_DATA_BYTES 16 /* console bytes per call: two registers */

/* The register page: guest-physical address, in the control VM only (unused on QEMU virt). */
#define VMCTL_BASE     0x0b000000UL
#define VMCTL_SIZE     0x1000UL
#define VMCTL_REG_X(n) (8 * (n))    /* X0-X7 at 0x00-0x38, read/write */
#define VMCTL_REG_CALL 0x40	    /* write: run the call in X0 on X1-X6; reads 0 */
#define VMCTL_REG_ID   0x48	    /* read only: VMCTL_ID */
#define VMCTL_REG_END  0x50	    /* nothing from here to the end of the page */
#define VMCTL_ID       0x434d5652UL /* "RVMC" as little-endian bytes */

/* The per-VM console ring: the most recent output of its current boot. */
#define VMCTL_RING_SIZE 4096
struct vmctl_ring {
	uint64_t head; /* bytes written since the boot; the ring holds the last VMCTL_RING_SIZE */
	uint8_t buf[VMCTL_RING_SIZE];
};

void vmctl_ring_reset(struct vmctl_ring *r);
void vmctl_ring_put(struct vmctl_ring *r, uint8_t c);
/*
 * Up to max bytes from position pos into out; returns how many and sets *next. A position older
 * than the ring holds (or past its head, after a reboot) reads from the oldest byte kept;
 * VMCTL_POS_END reads nothing and gives the current end (to follow new output only).
 */
#define VMCTL_POS_END UINT64_MAX
unsigned int vmctl_ring_read(const struct vmctl_ring *r, uint64_t pos, uint8_t *out,
			     unsigned int max, uint64_t *next);

enum vmctl_op { VMCTL_OP_START, VMCTL_OP_STOP, VMCTL_OP_DESTROY, VMCTL_OP_RESTART };

/* Whether op may act on a VM in state (VMCTL_STATE_*): VMCTL_OK or the refusal. */
int vmctl_transition(enum vmctl_op op, unsigned int state);

/* What the handler needs of the VMs; the hypervisor's in vmctl_hyp.c, a fake in the tests. */
struct vmctl_ops {
	unsigned int (*count)(void *ctx);
	const char *(*name)(void *ctx, unsigned int vm);
	/* state, vCPUs, control flag and boots as VMCTL_VM_INFO x1; memory; CPU time in us */
	void (*info)(void *ctx, unsigned int vm, uint64_t *flags, uint64_t *mem, uint64_t *us);
	/* Check vmctl_transition under the VM's lock and act: VMCTL_OK or the refusal. */
	int (*act)(void *ctx, unsigned int vm, enum vmctl_op op);
	unsigned int (*con_read)(void *ctx, unsigned int vm, uint64_t pos, uint8_t *out,
				 unsigned int max, uint64_t *next);
	unsigned int (*con_write)(void *ctx, unsigned int vm, const uint8_t *in, unsigned int n);
};

/*
 * One call: x[0] the function ID, x[1]-x[6] its arguments; the results replace x[0]-x[3].
 * caller: the calling VM's index; control: whether it is the control VM (if not, every call in
 * the service range is NOT_SUPPORTED). Returns 1 if fid is in the range (handled), 0 if not.
 */
int vmctl_call(const struct vmctl_ops *ops, void *ctx, unsigned int caller, int control,
	       uint64_t x[8]);

/* The register page's state: X0-X7 as the guest last wrote them or the last call left them. */
struct vmctl_page {
	uint64_t x[8];
};

#define VMCTL_ACCESS_BAD  (-1) /* the caller injects an abort */
#define VMCTL_ACCESS_DONE 0
#define VMCTL_ACCESS_CALL 1 /* a write to CALL: run vmctl_call on page->x */

/*
 * Decode an access at off (0 to VMCTL_SIZE - 1) of size bytes: 4 or 8, naturally aligned,
 * inside the registers; anything else is VMCTL_ACCESS_BAD. A 4-byte access reaches the low or
 * high half of a register. A read sets *val.
 */
int vmctl_page_access(struct vmctl_page *p, uint64_t off, unsigned int size, int write,
		      uint64_t *val);

/* A write to CALL: run the call in X0, NOT_SUPPORTED in X0 if outside the service range. */
void vmctl_page_call(const struct vmctl_ops *ops, void *ctx, unsigned int caller,
		     struct vmctl_page *p);

/*
 * The name in two registers (byte 0 in bits 0-7 of the first): 0 and the name in out, or -1 if
 * it is empty, has no NUL, or has anything but NULs after its first NUL.
 */
int vmctl_name_unpack(uint64_t lo, uint64_t hi, char out[VMCTL_NAME_BYTES]);
void vmctl_name_pack(const char *name, uint64_t *lo, uint64_t *hi);

#endif
