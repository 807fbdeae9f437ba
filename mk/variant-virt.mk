# virt: the same firmware, with the Rampart hypervisor (hyp/) as the EL2 payload that runs the
# Linux VMs. The hypervisor is not in the tree yet; building this variant says so and stops.
VARIANT_CFLAGS := -DRAMPART_VARIANT='"virt"'
VARIANT_READY := no
