# Firmware images: the boot stage (flash, EL3), the resident monitor (secure RAM, EL3), and the
# flash image that packs them: $(BUILD)/firmware.bin.

LIBFDT_DIR := $(BUILD_ROOT)/pkg/libfdt/usr
LIBFDT_A := $(LIBFDT_DIR)/lib/aarch64-linux-gnu/libfdt.a

FW_COMMON_SRCS := lib/string.c lib/vsnprintf.c lib/log.c drivers/pl011.c drivers/gicv3.c \
	drivers/pl061.c arch/aarch64/cache.S arch/aarch64/mmu.c arch/aarch64/el3.c arch/aarch64/cpu_features.c \
	arch/aarch64/el3_exit.S plat/$(PLAT)/power.c lib/stack_protector.c

BOOT_SRCS := boot/entry.S boot/pen.c boot/main.c boot/linux_loader.c boot/linux_layout.c \
	boot/board_ram.c boot/smbios_ram.c boot/dt_memory.c boot/fw_regions.c boot/dt_fixup.c \
	boot/rng_seed.c boot/pac.c drivers/fw_cfg.c drivers/fw_cfg_file.c lib/common/fw_image.c \
	lib/common/mem_range.c lib/common/fdt_untrusted.c lib/common/stack_guard.c \
	$(FW_COMMON_SRCS) $(VARIANT_BOOT_SRCS)

MONITOR_SRCS := monitor/entry.S monitor/main.c monitor/stacks.c lib/common/stack_guard_pages.c arch/aarch64/stack_probe.S monitor/smc.c \
	monitor/psci.c monitor/psci_state.c monitor/smccc_arch.c monitor/bp_scrub.S monitor/inject.c \
	monitor/tee_dispatch.c monitor/tee_switch.S monitor/el1_context.c monitor/pac.c \
	monitor/pac_policy.c monitor/bti_probe.S monitor/ns_fp.c monitor/ns_fp.S \
	$(FW_COMMON_SRCS)

BOOT_OBJS := $(patsubst %,$(BUILD)/boot-obj/%.o,$(BOOT_SRCS))
TEE_SRCS := tee/entry.S tee/vectors.S tee/thread_asm.S tee/main.c tee/fast_call.c tee/msg.c \
	tee/msg_params.c tee/shm.c tee/session.c tee/pta.c tee/pta_device_enum.c tee/pta_stats.c \
	tee/pta_rng.c tee/heap.c tee/thread.c tee/cancel.c tee/rpc.c tee/pages.c tee/ta_space.c tee/ta.c \
	tee/ta_load.c tee/ta_cache.c tee/syscall.c tee/rng.c tee/ta_verify.c tee/crypto_selftest.c tee/stacks.c lib/common/stack_guard_pages.c arch/aarch64/stack_probe.S tee/thread_state.c \
	lib/common/ta_elf.c lib/common/ta_image.c lib/crypto/ta_verify.c $(FW_COMMON_SRCS)
# Shared TA libraries: run-time linking by the trusted OS.
TEE_SRCS += tee/ta_dl.c lib/common/ta_dyn.c
# Message shape checks (tee/msg_check.c), TA files through tee-supplicant (tee/ta_fetch.c), read
# into the threads' image windows (tee/image_window.c).
TEE_SRCS += tee/msg_check.c tee/ta_fetch.c tee/image_window.c
# Guests of a hypervisor: client IDs, their RAM and table shares (tee/guest.c).
TEE_SRCS += tee/guest.c
# FP/SIMD for TAs (tee/fpu.c).
TEE_SRCS += tee/fpu.c tee/fpu_asm.S
# GP objects and crypto operations for TAs, on mbedTLS.
TEE_SRCS += tee/handle_table.c tee/crypto_obj.c tee/crypto_op.c tee/crypto_ae.c tee/crypto_cts.c \
	tee/syscall_crypto.c tee/crypto_asym.c tee/crypto_keys.c tee/crypto_derive.c
# AES-GCM on nettle's Crypto Extensions assembly where the CPU has it, else mbedTLS
# (tee/crypto_gcm.h). TEE_GCM_CE=n builds the trusted OS that always takes mbedTLS's, to test that
# path on a CPU with the extensions (the boot self-test still checks both).
TEE_SRCS += tee/crypto_gcm.c tee/crypto_gcm_selftest.c
TEE_GCM_CE ?= y
TEE_GCM_CE_CFG := $(BUILD)/tee-obj/gcm-ce.cfg
$(shell mkdir -p $(BUILD)/tee-obj && (echo $(TEE_GCM_CE) | cmp -s - $(TEE_GCM_CE_CFG) || \
	echo $(TEE_GCM_CE) >$(TEE_GCM_CE_CFG)))
$(BUILD)/tee-obj/tee/crypto_gcm.c.o: $(TEE_GCM_CE_CFG)
$(BUILD)/tee-obj/tee/crypto_gcm.c.o: FW_CFLAGS += $(if $(filter n,$(TEE_GCM_CE)),-DCRYPTO_GCM_NO_CE)
# DSA, Ed25519 and X25519 on nettle (mk/nettle.mk), and the C library it calls.
TEE_SRCS += tee/crypto_dsa.c tee/crypto_25519.c tee/nettle_libc.c
# Trusted storage through tee-supplicant (docs/storage.md), and the board's device key.
TEE_SRCS += tee/fs_rpc.c tee/storage_key.c tee/storage_file.c \
	tee/storage_rollback.c tee/storage_obj.c tee/storage_enum.c tee/syscall_storage.c \
	plat/$(PLAT)/device_key.c plat/$(PLAT)/storage_counter.c
# TA persistent time (GP 7.2.4, 7.2.5) in the same store, on the system time.
TEE_SRCS += tee/clock.c tee/ptime.c tee/storage_time.c
# GP sockets for TAs, through tee-supplicant (tee/socket.h).
TEE_SRCS += tee/socket.c
# tee-supplicant plugins for TAs (tee/supp_plugin.h).
TEE_SRCS += tee/supp_plugin.c

# The QEMU board's device key for trusted storage (plat/qemu_virt/device_key.c): made once per
# build directory from /dev/urandom, or from DEVICE_KEY=<file of 32 bytes>; kept afterwards.
DEVICE_KEY ?=
DEVICE_KEY_C := $(BUILD)/keys/device_key.c
DEVICE_KEY_OBJ := $(BUILD)/keys/device_key.o

# The trusted OS signs its return addresses (tee/pac.h) and marks its indirect branch targets
# (BTI): hint-space instructions, NOPs on CPUs without pointer authentication or BTI.
TEE_PAC_CFLAGS := -mbranch-protection=standard
TEE_SRCS += tee/pac.c

# The boot stage signs its return addresses, without BTI (boot/pac.h).
BOOT_PAC_CFLAGS := -mbranch-protection=pac-ret
# The monitor too (monitor/pac.h: it swaps the APIA key with the level below on each entry).
MONITOR_PAC_CFLAGS := -mbranch-protection=standard

MONITOR_OBJS := $(patsubst %,$(BUILD)/monitor-obj/%.o,$(MONITOR_SRCS))
TEE_OBJS := $(patsubst %,$(BUILD)/tee-obj/%.o,$(TEE_SRCS))

FIRMWARE := $(BUILD)/firmware.bin
FWPACK := $(BUILD_ROOT)/host/fwpack

firmware: $(FIRMWARE)

ifneq ($(VARIANT_READY),yes)
$(FIRMWARE):
	@echo "error: VARIANT=$(VARIANT): the hypervisor payload (hyp/) is not built yet;" \
		"use VARIANT=baremetal" >&2
	@exit 1
endif

$(BUILD)/boot-obj/%.c.o: %.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) $(BOOT_PAC_CFLAGS) -I$(LIBFDT_DIR)/include -MMD -MP -c $< -o $@

$(BUILD)/monitor-obj/%.c.o: %.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) $(MONITOR_PAC_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tee-obj/%.c.o: %.c $(SETUP_STAMP) | $(NETTLE_INCLUDE)/nettle $(NETTLE_GEN)/version.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) $(TEE_PAC_CFLAGS) $(MBEDTLS_CFLAGS) $(NETTLE_CFLAGS) -MMD -MP -c $< -o $@

# One pattern rule per image: a pattern rule with several targets would claim that one run of
# its recipe made all of them.
define assemble_rule
$(BUILD)/$(1)-obj/%.S.o: %.S $(SETUP_STAMP)
	@mkdir -p $$(dir $$@)
	@echo "  AS      $$@"; $$(CC_FW) $$(FW_CFLAGS) $$(FW_ASFLAGS) -MMD -MP -c $$< -o $$@
endef
$(foreach image,boot monitor tee,$(eval $(call assemble_rule,$(image))))

$(BUILD)/%.ld: %.ld.S
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) -E -P -x assembler-with-cpp $(FW_ASFLAGS) $< -o $@

$(BUILD)/boot.elf: $(BOOT_OBJS) $(BUILD)/boot/boot.ld $(LIBFDT_A)
	@echo "  CC      $@"; $(CC_FW) $(FW_LDFLAGS) -T $(BUILD)/boot/boot.ld $(BOOT_OBJS) $(LIBFDT_A) -lgcc -o $@

$(BUILD)/monitor.elf: $(MONITOR_OBJS) $(BUILD)/monitor/monitor.ld
	@echo "  CC      $@"; $(CC_FW) $(FW_LDFLAGS) -T $(BUILD)/monitor/monitor.ld $(MONITOR_OBJS) -lgcc -o $@

# mbedTLS, nettle and the TA signing key's public half (mk/mbedtls.mk, mk/nettle.mk,
# mk/ta_sign.mk).
$(BUILD)/tee.elf: $(TEE_OBJS) $(TA_PUBKEY_OBJ) $(TA_DEV_PUBKEY_OBJ) $(TA_SELFTEST_OBJ) \
		$(DEVICE_KEY_OBJ) $(MBEDTLS_LIB) $(NETTLE_LIB) $(BUILD)/tee/tee.ld
	@echo "  CC      $@"; $(CC_FW) $(FW_LDFLAGS) -T $(BUILD)/tee/tee.ld $(TEE_OBJS) \
		$(TA_PUBKEY_OBJ) $(TA_DEV_PUBKEY_OBJ) $(TA_SELFTEST_OBJ) $(DEVICE_KEY_OBJ) \
		$(MBEDTLS_LIB) $(NETTLE_LIB) -lgcc -o $@


$(DEVICE_KEY_C): $(if $(DEVICE_KEY),$(DEVICE_KEY))
	@mkdir -p $(dir $@)
	@echo "  KEYGEN  $@"; bash mk/device-key.sh $@ $(DEVICE_KEY)

$(DEVICE_KEY_OBJ): $(DEVICE_KEY_C)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) -c $< -o $@

$(BUILD)/%.bin: $(BUILD)/%.elf
	@echo "  OBJCOPY $@"; $(OBJCOPY_FW) -O binary $< $@

$(LIBFDT_A): $(SETUP_STAMP)

ifeq ($(VARIANT_READY),yes)
image_spec = $$(bash mk/image-spec.sh $(NM_FW) $(1) $(2) $(3))

# A variant's own images (mk/<image>.mk) add to VARIANT_FW_DEPS and VARIANT_FW_SPECS.
$(foreach image,$(VARIANT_IMAGES),$(eval include mk/$(image).mk))

$(FIRMWARE): $(BUILD)/boot.bin $(BUILD)/monitor.bin $(BUILD)/tee.bin $(FWPACK) $(VARIANT_FW_DEPS)
	@echo "  FWPACK  $@"; $(FWPACK) $@ $(BUILD)/boot.bin \
		$(call image_spec,monitor,$(BUILD)/monitor.elf,monitor_cold_entry) \
		$(call image_spec,trusted-os,$(BUILD)/tee.elf,_start) $(VARIANT_FW_SPECS)
	@echo "firmware: $@ ($$(stat -c %s $@) bytes)"
endif

-include $(BOOT_OBJS:.o=.d) $(MONITOR_OBJS:.o=.d) $(TEE_OBJS:.o=.d)
