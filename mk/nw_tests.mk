# Freestanding normal-world test programs (tests/qemu/nw/), booted with -kernel in place of Linux.
NW_TEST_DIR := $(BUILD_ROOT)/nw
NW_TESTS := $(NW_TEST_DIR)/undef.Image

.PHONY: nw-tests
nw-tests: $(NW_TESTS)

$(NW_TEST_DIR)/%.elf: tests/qemu/nw/%.S tests/qemu/nw/%.ld $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $@"; $(CC_FW) -nostdlib -static -no-pie -Wl,--build-id=none \
		-T tests/qemu/nw/$*.ld $< -o $@

$(NW_TEST_DIR)/%.Image: $(NW_TEST_DIR)/%.elf
	@echo "  OBJCOPY $@"; $(OBJCOPY_FW) -O binary $< $@

# nwsve (tests/nwsve): the normal world's whole SVE state (and Streaming SVE mode's) across calls
# into a TA that uses FP/SIMD, every SMC checked; it serves the FP/SIMD test TA through LOAD_TA
# and reuses nwfuzz's entry code and console (tests/qemu/baremetal.d/fpsimd.sh boots it).
NWSVE_IMAGE := $(NW_TEST_DIR)/nwsve.Image
NWSVE_TA_FPU := $(TA_OUT)/5ee1c0de-7a11-4e57-9a6e-667075000000.ta
NWSVE_SRCS := tests/nwfuzz/head.S tests/nwfuzz/io.c tests/nwsve/nwsve.c tests/nwsve/sve_smc.S \
	tests/nwsve/tas.S
NWSVE_CFLAGS = -std=gnu11 -O2 -g -ffreestanding -fno-common -fno-pie -fno-stack-protector \
	-fno-builtin -mgeneral-regs-only -mstrict-align -Wall -Wextra -Werror -nostdinc \
	-isystem $(GCC_FW_INCLUDE) -I$(TOP)/include -I$(TOP)/ta/include -I$(TOP)/tests/nwfuzz \
	-DNWSVE_TA_FPU='"$(NWSVE_TA_FPU)"'
NW_TESTS += $(NWSVE_IMAGE)
nw-tests: $(NWSVE_IMAGE)

$(NWSVE_IMAGE): $(NWSVE_SRCS) $(wildcard tests/nwsve/*.h tests/nwfuzz/*.h) tests/nwfuzz/nwfuzz.ld \
		$(NWSVE_TA_FPU) $(SETUP_STAMP)
	@mkdir -p $(NW_TEST_DIR)
	@echo "  LD      $(NW_TEST_DIR)/nwsve.elf"
	@$(CC_FW) $(NWSVE_CFLAGS) -nostdlib -static -no-pie -Wl,--build-id=none \
		-Wl,--no-warn-rwx-segments -T tests/nwfuzz/nwfuzz.ld \
		-o $(NW_TEST_DIR)/nwsve.elf $(NWSVE_SRCS)
	@echo "  OBJCOPY $@"; $(OBJCOPY_FW) -O binary $(NW_TEST_DIR)/nwsve.elf $@
