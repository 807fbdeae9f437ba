/* SPDX-License-Identifier: BSD-2-Clause */
/* Offsets in struct ns_fp_regs (ns_fp.h), shared with ns_fp.S. */
#ifndef MONITOR_NS_FP_LAYOUT_H
#define MONITOR_NS_FP_LAYOUT_H

/* The largest SVE and SME vector length the architecture allows: 2048 bits (Arm ARM, ZCR_EL3). */
#define NS_FP_VL_MAX 256
#define NS_FP_Z	     0
#define NS_FP_P	     (NS_FP_Z + 32 * NS_FP_VL_MAX)
#define NS_FP_FFR    (NS_FP_P + 16 * (NS_FP_VL_MAX / 8))
#define NS_FP_FPSR   (NS_FP_FFR + NS_FP_VL_MAX / 8)
#define NS_FP_SIZE   (NS_FP_FPSR + 16)

#endif
