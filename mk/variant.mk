# Variant selection. Both variants share every source; they differ in the normal-world payload.
VARIANTS := baremetal virt
ifeq ($(filter $(VARIANT),$(VARIANTS)),)
$(error VARIANT must be one of: $(VARIANTS) (got '$(VARIANT)'))
endif
include mk/variant-$(VARIANT).mk
