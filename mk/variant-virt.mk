# virt: the same firmware, with the Rampart hypervisor (hyp/) as the EL2 payload that runs the
# Linux VMs (docs/variants.md). The boot stage places the hypervisor instead of loading Linux.
VARIANT_CFLAGS := -DRAMPART_VARIANT='"virt"' -DRAMPART_HYP_PAYLOAD
VARIANT_READY := yes
VARIANT_BOOT_SRCS := boot/hyp_loader.c
VARIANT_IMAGES := hyp
