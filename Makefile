# Rampart: top-level build. `make help` lists the targets and variables.

VARIANT ?= baremetal
PLAT ?= qemu_virt
SMP ?= 4
MEM ?= 2048

TOP := $(CURDIR)
BUILD_ROOT := $(TOP)/build
BUILD := $(BUILD_ROOT)/$(VARIANT)
export BUILD_DIR := $(BUILD_ROOT)
# Everything that needs a package depends on this stamp, written by the set-up step.
SETUP_STAMP := $(BUILD_ROOT)/.setup-done

include mk/variant.mk
include mk/toolchain.mk
include mk/mbedtls.mk
include mk/nettle.mk
include mk/ta_sign.mk
include mk/firmware.mk
include mk/host.mk
include mk/userspace.mk
include mk/ta.mk
include mk/ta_mbedtls.mk
include mk/rootfs.mk
include mk/nw_tests.mk
include mk/fuzz.mk
include mk/xtest.mk
include mk/examples.mk

.DEFAULT_GOAL := all
.PHONY: all setup firmware rootfs userspace run test unit-test qemu-test bench help clean format

all: firmware rootfs disk

# Installs missing Debian packages and fetches the arm64 ones; cached after the first run.
setup:
	@bash mk/setup.sh

$(SETUP_STAMP): mk/setup.sh
	@bash mk/setup.sh
	@touch $@

KERNEL ?= $(BUILD_ROOT)/linux/Image
# The base initramfs with the tools archive (crun, pkcs11-tool, p11tool, OpenSSH) unpacked over it;
# INITRD=$(ROOTFS) boots the base alone, which is smaller and quicker (docs/normal-world.md).
INITRD ?= $(ROOTFS_FULL)
APPEND ?= console=ttyAMA0
QEMU_MACHINE := virt,secure=on,virtualization=on,gic-version=3
# The disk of tee-supplicant's directory (mk/rootfs.mk), on one of QEMU virt's virtio-mmio
# transports; DISK= boots without it. In the virt variant a VM owns a device only if its
# configuration gives it one (docs/variants.md), and the built-in one does not: no disk there.
ifeq ($(VARIANT),baremetal)
DISK ?= $(TEE_DISK)
endif
QEMU_DISK = $(if $(DISK),-drive if=none$(comma)file=$(subst $(comma),$(comma)$(comma),$(DISK))$(comma)format=raw$(comma)id=tee-disk \
	-device virtio-blk-device$(comma)drive=tee-disk)
comma := ,
QEMU_CMD = qemu-system-aarch64 -M $(QEMU_MACHINE) -cpu cortex-a57 -smp $(SMP) -m $(MEM) \
	-nographic -bios $(FIRMWARE) -kernel $(KERNEL) -initrd $(INITRD) -append "$(APPEND)" \
	$(QEMU_DISK)

run: all
	$(QEMU_CMD)

# Without VARIANT given, the tests cover every variant: build the virt firmware too.
test: all host-tools nw-tests
ifeq ($(origin VARIANT),file)
	@$(MAKE) --no-print-directory VARIANT=virt firmware
endif
	@bash tests/run-all.sh

unit-test: $(SETUP_STAMP) $(TA_SIGN)
	@bash tests/unit/run.sh

qemu-test: all nw-tests
	@bash tests/qemu/run.sh

bench: all
ifeq ($(VARIANT),virt)
	@$(MAKE) --no-print-directory VARIANT=baremetal firmware
endif
	@bash tests/bench/boot-time.sh

format:
	@clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD_ROOT)/host $(BUILD_ROOT)/rootfs $(BUILD_ROOT)/bundles $(USERSPACE_DIR)

help:
	@echo "Rampart: trusted firmware stack for Armv8-A (board: QEMU virt)"
	@echo
	@echo "Targets:"
	@echo "  all (default)  firmware and root filesystem for VARIANT"
	@echo "  setup          install missing Debian packages, fetch arm64 kernel/busybox/libfdt"
	@echo "  firmware       build/<variant>/firmware.bin (boot stage + EL3 monitor)"
	@echo "  rootfs         build/rootfs/initramfs.cpio.gz (busybox-static, TEE client, our init),"
	@echo "                 tools.cpio.gz (crun, pkcs11-tool, p11tool, OpenSSH) and"
	@echo "                 initramfs-tools.cpio.gz (the two concatenated: what run boots)"
	@echo "  bundle         build/bundles/tee: the OCI bundle that runs tee-test under crun (docs/containers.md)"
	@echo "  userspace      build/userspace/tee-test (GP TEE Client API regression tests), rampart-latency"
	@echo "  ta_dev_kit     build/ta_dev_kit: what TAs build against (docs/ta-sdk.md)"
	@echo "  tas            build/ta/<uuid>.ta: the shipped TAs, built with the dev kit"
	@echo "  run            boot the default variant to a shell (quit QEMU: Ctrl-a x), with"
	@echo "                 build/disk/tee-data.img as the disk of trusted storage"
	@echo "  disk           build/disk/tee-data.img, made once (empty ext4, $(TEE_DISK_MIB) MiB)"
	@echo "  disk-clean     remove it: trusted storage starts empty at the next make"
	@echo "  test           host unit tests and QEMU integration tests (every variant unless"
	@echo "                 VARIANT is given); ends 'N passed, N failed'"
	@echo "  unit-test      host unit tests (cmocka) only"
	@echo "  nw-tests       build/nw/*.Image: freestanding normal-world test programs"
	@echo "  qemu-test      QEMU integration tests only"
	@echo "  nwfuzz         build/nwfuzz/Image: normal-world SMC fuzzer booted in place of Linux"
	@echo "  fuzz           host fuzzers (libFuzzer, ASan/UBSan) on the parsers, FUZZ_SECONDS"
	@echo "                 each (now: $(FUZZ_SECONDS)); crash reproducers in build/fuzz/"
	@echo "  xtest          OP-TEE's optee_test (OPTEE_TEST=<3.19.0 tree>) built against the dev"
	@echo "                 kit and run under QEMU; results per group (XTEST_GROUPS=$(XTEST_GROUPS))"
	@echo "  examples       OP-TEE's optee_examples (OPTEE_EXAMPLES=<tree>) built against the dev"
	@echo "                 kit and Debian's libteec, each host program run under QEMU"
	@echo "  bench          boot time, image sizes and TEE figures (crypto, storage, calls);"
	@echo "                 REF_FIRMWARE=<TF-A + OP-TEE flash.bin> adds the reference side by"
	@echo "                 side (tests/bench/build-reference.sh, docs/benchmarks.md)"
	@echo "  format         clang-format the C sources"
	@echo "  clean          remove this variant's build output"
	@echo
	@echo "Variables:"
	@echo "  VARIANT=baremetal|virt  (now: $(VARIANT))"
	@echo "  SMP=1..4 MEM=<MiB>      CPUs and RAM for 'make run' (now: $(SMP), $(MEM))"
	@echo "  KERNEL=<Image> INITRD=<cpio.gz> APPEND=<cmdline>  what 'make run' boots"
	@echo "                          (INITRD default: base + tools; INITRD=build/rootfs/initramfs.cpio.gz: base)"
	@echo "  DISK=<image>            raw disk image 'make run' attaches (now: $(DISK));"
	@echo "                          DISK= for none (trusted storage then lives in RAM)"
	@echo "  TA_SIGN_KEY=<key.pem>   RSA key TAs are signed with and the trusted OS trusts"
	@echo "                          (now: $(TA_SIGN_KEY))"
	@echo "  TEE_GCM_CE=y|n          AES-GCM on the Crypto Extensions where the CPU has them,"
	@echo "                          or always on mbedTLS (now: $(TEE_GCM_CE); docs/crypto.md)"
