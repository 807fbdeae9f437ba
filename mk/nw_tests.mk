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
