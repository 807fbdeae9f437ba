/* SPDX-License-Identifier: BSD-2-Clause */
/* The FP/SIMD test TA (build/ta/<uuid>.ta, signed like any), served by nwsve through LOAD_TA. */
	.section .rodata.tas, "a"
	.balign 8
	.global nwsve_ta_fpu, nwsve_ta_fpu_end
nwsve_ta_fpu:
	.incbin NWSVE_TA_FPU
nwsve_ta_fpu_end:
