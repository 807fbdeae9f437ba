/* SPDX-License-Identifier: BSD-2-Clause */
/* EL2 and GICv3 register encodings and fields the hypervisor uses (Arm ARM D13, IHI 0069 12). */
#ifndef HYP_EL2_REGS_H
#define HYP_EL2_REGS_H

#include <arch/sysreg.h>

/* Physical CPU interface, as EL2 sees it. */
#define ICC_SRE_EL2	S3_4_C12_C9_5
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ICC_DIR_EL1	S3_0_C12_C11_1
#define ICC_SGI1R_EL1	S3_0_C12_C11_5
#define ICC_CTLR_EL1	S3_0_C12_C12_4
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_BPR1_EL1	S3_0_C12_C12_3

/* Virtualisation control. */
#define ICH_AP0R0_EL2 S3_4_C12_C8_0
#define ICH_AP1R0_EL2 S3_4_C12_C9_0
#define ICH_HCR_EL2   S3_4_C12_C11_0
#define ICH_VTR_EL2   S3_4_C12_C11_1
#define ICH_MISR_EL2  S3_4_C12_C11_2
#define ICH_EISR_EL2  S3_4_C12_C11_3
#define ICH_ELRSR_EL2 S3_4_C12_C11_5
#define ICH_VMCR_EL2  S3_4_C12_C11_7

#define ISR_EL1_I (1UL << 7) /* an IRQ is pending (D19.2.71) */

#define ICH_HCR_EN   (1UL << 0)
#define ICH_HCR_UIE  (1UL << 1)
#define ICH_HCR_NPIE (1UL << 3)

/* Physical interrupts the hypervisor takes. */
#define HYP_KICK_SGI   0  /* another CPU has work for this one's vCPU */
#define GIC_MAINT_PPI  25 /* GIC maintenance interrupt */
#define GIC_VTIMER_PPI 27 /* EL1 virtual timer */
#define GIC_HYPTIMER_PPI 26 /* EL2 physical timer: time slices, wake-ups (sched.c) */

/* EL2 physical timer (Arm ARM D11.2.4, D17.2 CNTHP_CTL_EL2, CNTHP_CVAL_EL2). */
#define CNTHP_CTL_EL2  S3_4_C14_C2_1
#define CNTHP_CVAL_EL2 S3_4_C14_C2_2
#define GIC_UART_SPI   33 /* the physical PL011 (SPI 1) */

/* HCR_EL2 (Arm ARM D13.2.46). */
#define HCR_VM	 (1UL << 0)
#define HCR_SWIO (1UL << 1)
#define HCR_FMO	 (1UL << 3)
#define HCR_IMO	 (1UL << 4)
#define HCR_AMO	 (1UL << 5)
#define HCR_TSC	 (1UL << 19)
#define HCR_RW	 (1UL << 31)
/* Stage 2 on, interrupts and SErrors to EL2, guest SMCs trapped, AArch64 EL1. */
#define HCR_GUEST (HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_TSC | HCR_RW)

/* ESR_EL2 exception classes (Arm ARM D13.2.37). */
#define ESR_EC_SHIFT 26
#define EC_UNKNOWN   0x00
#define EC_WFX	     0x01
#define EC_HVC64     0x16
#define EC_SMC64     0x17
#define EC_SYSREG    0x18
#define EC_IABT_LOW  0x20
#define EC_DABT_LOW  0x24

#define SPSR_EL1H_MASKED 0x3c5
#define SCTLR_EL1_RES1	 0x30d00800UL
#define SCTLR_EL1_EE	 (1UL << 25) /* EL1 data endianness (D17.2.118) */

#endif
