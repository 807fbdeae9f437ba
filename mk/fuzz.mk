# Fuzzing (docs/fuzzing.md).
#   make fuzz        the host fuzzers (tests/fuzz/*_fuzz.c, libFuzzer + ASan/UBSan), each for
#                    FUZZ_SECONDS; fails if one finds a crash (reproducers in build/fuzz/<target>/)
FUZZ_SECONDS ?= 60

.PHONY: fuzz

fuzz: $(SETUP_STAMP)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh

# nwfuzz: a normal-world program booted in place of Linux (tests/nwfuzz/) that fuzzes the secure
# world's SMC interface; tests/qemu/baremetal.d/nwfuzz.sh boots it. Its own flags: it is not
# firmware (no canary, no firmware headers), but the same cross compiler.
NWFUZZ_DIR := $(BUILD_ROOT)/nwfuzz
NWFUZZ_IMAGE := $(NWFUZZ_DIR)/Image
NWFUZZ_SRCS := tests/nwfuzz/head.S tests/nwfuzz/main.c tests/nwfuzz/fast.c tests/nwfuzz/yield.c \
	tests/nwfuzz/io.c tests/nwfuzz/tas.S tests/nwfuzz/attack.c tests/nwfuzz/call18.S \
	tests/nwfuzz/vmctl.c tests/nwfuzz/suspend.c tests/nwfuzz/resume.S tests/nwfuzz/sme.S tests/nwfuzz/sme.c
# The TAs it serves through LOAD_TA, as tee-supplicant would.
NWFUZZ_TA_TEST := $(TA_OUT)/5ee1c0de-7a11-4e57-9a6e-72616d706172.ta
NWFUZZ_TA_PEER := $(TA_OUT)/5ee1c0de-7a11-4e57-9a6e-706565720000.ta
NWFUZZ_CFLAGS = -std=gnu11 -O2 -g -ffreestanding -fno-common -fno-pie -fno-stack-protector \
	-fno-builtin -mgeneral-regs-only -mstrict-align -Wall -Wextra -Werror -nostdinc \
	-isystem $(GCC_FW_INCLUDE) -I$(TOP)/include -I$(TOP)/tests/nwfuzz \
	-DNWFUZZ_TA_TEST='"$(NWFUZZ_TA_TEST)"' -DNWFUZZ_TA_PEER='"$(NWFUZZ_TA_PEER)"'

.PHONY: nwfuzz
nwfuzz: $(NWFUZZ_IMAGE) $(NWFUZZ_VM_IMAGE)

$(NWFUZZ_IMAGE): $(NWFUZZ_SRCS) $(wildcard tests/nwfuzz/*.h) tests/nwfuzz/nwfuzz.ld \
		$(NWFUZZ_TA_TEST) $(NWFUZZ_TA_PEER) $(SETUP_STAMP)
	@mkdir -p $(NWFUZZ_DIR)
	@echo "  LD      $(NWFUZZ_DIR)/nwfuzz.elf"
	@$(CC_FW) $(NWFUZZ_CFLAGS) -nostdlib -static -no-pie \
		-Wl,--build-id=none -Wl,--no-warn-rwx-segments -T tests/nwfuzz/nwfuzz.ld \
		-o $(NWFUZZ_DIR)/nwfuzz.elf $(NWFUZZ_SRCS)
	@echo "  OBJCOPY $@"; $(OBJCOPY_FW) -O binary $(NWFUZZ_DIR)/nwfuzz.elf $@

# The same program as a hostile VM of the virt variant (tests/qemu/virt.d/tee-hostile.sh): linked
# at the base of the RAM that suite gives it, which holds its scratch pages (tests/nwfuzz/nwfuzz.h).
NWFUZZ_VM_IMAGE := $(NWFUZZ_DIR)/Image-vm
NWFUZZ_VM_BASE := 0x5e000000
$(NWFUZZ_VM_IMAGE): $(NWFUZZ_SRCS) $(wildcard tests/nwfuzz/*.h) tests/nwfuzz/nwfuzz.ld \
		$(NWFUZZ_TA_TEST) $(NWFUZZ_TA_PEER) $(SETUP_STAMP)
	@mkdir -p $(NWFUZZ_DIR)
	@echo "  LD      $(NWFUZZ_DIR)/nwfuzz-vm.elf"
	@$(CC_FW) $(NWFUZZ_CFLAGS) -nostdlib -static -no-pie \
		-Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,--defsym=NWFUZZ_BASE=$(NWFUZZ_VM_BASE) \
		-T tests/nwfuzz/nwfuzz.ld -o $(NWFUZZ_DIR)/nwfuzz-vm.elf $(NWFUZZ_SRCS)
	@echo "  OBJCOPY $@"; $(OBJCOPY_FW) -O binary $(NWFUZZ_DIR)/nwfuzz-vm.elf $@

# The QEMU suites boot them (tests/qemu/baremetal.d/nwfuzz.sh, tests/qemu/virt.d/tee-hostile.sh).
test qemu-test: $(NWFUZZ_IMAGE) $(NWFUZZ_VM_IMAGE)
