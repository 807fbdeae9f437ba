/* SPDX-License-Identifier: BSD-2-Clause */
/* nwsve: struct sve_image offsets, shared by sve_smc.S and nwsve.c. */
#ifndef NWSVE_LAYOUT_H
#define NWSVE_LAYOUT_H

#define SVE_VL_MAX 256 /* 2048 bits, the architecture's largest vector */
#define SVE_P	   (32 * SVE_VL_MAX)
#define SVE_FFR	   (SVE_P + 16 * (SVE_VL_MAX / 8))
#define SVE_FPSR   (SVE_FFR + SVE_VL_MAX / 8)
#define SVE_IMAGE  (SVE_FPSR + 16)

#endif
