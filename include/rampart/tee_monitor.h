/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The private interface between the EL3 monitor and the trusted OS at S-EL1.
 *
 * The monitor enters the trusted OS with ERET; the trusted OS gives control back with an SMC whose
 * function ID is one of TEE_RETURN_*. Those IDs mean something only when they come from the
 * secure world; from the normal world they are unknown functions.
 *
 * Cold boot: the monitor ERETs to the image entry with x0/x1 = normal-world RAM base/size and
 * x2/x3 = address/length of the board's secret RNG seed (at most TEE_SEED_MAX bytes, in the
 * monitor's secure RAM, cleaned to memory so the trusted OS can read it with its MMU off; x2 = 0
 * when the board gave none), x4 = the trusted OS's stack canary as the boot stage derived it from
 * that seed and x5/x6 its pointer-authentication key (APIAKeyLo/Hi) derived the same way (both
 * used where the CPU has no RNDR). The monitor wipes its copy once the trusted OS has returned. The
 * trusted OS initialises and returns TEE_RETURN_ENTRY_DONE with x1 = its entry table:
 *   +0x00 yielding call   x0..x7 = the normal world's a0..a7
 *   +0x04 fast call       x0..x7 = the normal world's a0..a7
 *   +0x08 CPU on          first entry on a CPU other than the boot CPU
 * Calls return TEE_RETURN_CALL_DONE with x1..x7 = the results a0..a6 for the normal world; CPU on
 * returns TEE_RETURN_ON_DONE.
 */
#ifndef RAMPART_TEE_MONITOR_H
#define RAMPART_TEE_MONITOR_H

#define TEE_RETURN_ENTRY_DONE 0xBE000000
#define TEE_RETURN_CALL_DONE 0xBE000001
#define TEE_RETURN_ON_DONE 0xBE000002

#define TEE_SEED_MAX 64

#define TEE_ENTRY_YIELD 0x00
#define TEE_ENTRY_FAST 0x04
#define TEE_ENTRY_CPU_ON 0x08

#endif
