# baremetal: the firmware hands the normal world straight to Linux at EL2.
VARIANT_CFLAGS := -DRAMPART_VARIANT='"baremetal"'
VARIANT_READY := yes
