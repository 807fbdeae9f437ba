/* SPDX-License-Identifier: BSD-2-Clause */
/* The built-in VM configuration: hyp/vms.dts compiled by dtc (mk/hyp.mk). */
	.section .rodata.vms_dtb, "a"
	.balign 8
	.global vms_dtb_builtin
vms_dtb_builtin:
	.incbin VMS_DTB
	.global vms_dtb_builtin_end
vms_dtb_builtin_end:
