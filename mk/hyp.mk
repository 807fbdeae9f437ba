# The virt variant's hypervisor image (hyp/), linked at PLAT_HYP_BASE in DRAM and packed into
# firmware.bin as the "hypervisor" image; the boot stage places it and the monitor enters it at
# EL2. Included by mk/firmware.mk when VARIANT_IMAGES names it.

HYP_SRCS := hyp/entry.S hyp/main.c hyp/vm.c hyp/trap.c hyp/vgic.c hyp/vgic_hw.c hyp/vpsci.c \
	hyp/vuart.c hyp/console.c hyp/console_line.c hyp/sysreg_emul.c hyp/el2_traps.c hyp/el2_map.c \
	hyp/pauth.c hyp/stage2.c hyp/vm_config.c hyp/vm_devices.c hyp/passthrough.c hyp/guest_dt.c \
	hyp/vmctl.c hyp/vmctl_hyp.c hyp/tee_med.c hyp/vpsci_state.c \
	hyp/sched.c hyp/sched_policy.c hyp/vcpu_switch.c hyp/vcpu_fp.S \
	drivers/fw_cfg_file.c \
	hyp/vms_blob.S boot/linux_layout.c lib/common/mem_range.c lib/common/fdt_untrusted.c \
	drivers/fw_cfg.c drivers/pl011.c lib/string.c lib/vsnprintf.c lib/stack_protector.c \
	arch/aarch64/cache.S arch/aarch64/mmu.c \
	arch/aarch64/el3_exit.S
# The hypervisor signs its return addresses and marks its indirect branch targets (hyp/pauth.c):
# hint-space instructions, NOPs on CPUs without pointer authentication or BTI.
HYP_PAC_CFLAGS := -mbranch-protection=standard
HYP_OBJS := $(patsubst %,$(BUILD)/hyp-obj/%.o,$(HYP_SRCS))
HYP_VMS_DTB := $(BUILD)/hyp/vms.dtb

$(BUILD)/hyp-obj/%.c.o: %.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) $(HYP_PAC_CFLAGS) -I$(LIBFDT_DIR)/include -ffunction-sections \
		-MMD -MP -c $< -o $@

$(BUILD)/hyp-obj/hyp/vms_blob.S.o: $(HYP_VMS_DTB)
$(BUILD)/hyp-obj/%.S.o: %.S $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $@"; $(CC_FW) $(FW_CFLAGS) $(HYP_PAC_CFLAGS) $(FW_ASFLAGS) -DVMS_DTB='"$(HYP_VMS_DTB)"' \
		-MMD -MP -c $< -o $@

$(HYP_VMS_DTB): hyp/vms.dts
	@mkdir -p $(dir $@)
	@echo "  DTC     $@"; dtc -q -I dts -O dtb -o $@ $<

$(BUILD)/hyp.elf: $(HYP_OBJS) $(BUILD)/hyp/hyp.ld $(LIBFDT_A)
	@echo "  CC      $@"; $(CC_FW) $(FW_LDFLAGS) -T $(BUILD)/hyp/hyp.ld $(HYP_OBJS) $(LIBFDT_A) -lgcc -o $@

VARIANT_FW_DEPS += $(BUILD)/hyp.bin
VARIANT_FW_SPECS += $(call image_spec,hypervisor,$(BUILD)/hyp.elf,_start)

-include $(HYP_OBJS:.o=.d)
