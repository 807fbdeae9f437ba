# The initramfs: busybox-static from Debian's arm64 package, the TEE client stack (libteec1,
# tee-supplicant), tee-test, the TAs in build/ta, our init and the guest test scripts.
ROOTFS_DIR := $(BUILD_ROOT)/rootfs
ROOTFS := $(ROOTFS_DIR)/initramfs.cpio.gz
# TA_OUTPUTS: the .ta files the TA build makes (build/ta/<uuid>.ta, build/ta/broken-src/*.ta), set
# by its makefile before this one is included, so a clean build makes the TAs first.
ROOTFS_INPUTS := rootfs/build.sh rootfs/broken-tas.sh rootfs/init $(wildcard tests/qemu/guest/*.sh) \
	$(TEE_TEST) $(TA_OUTPUTS)

rootfs: $(ROOTFS)

$(ROOTFS): $(ROOTFS_INPUTS) $(SETUP_STAMP)
	@bash rootfs/build.sh $(BUILD_ROOT) $@
