# The initramfs: busybox-static from Debian's arm64 package, the TEE client stack (libteec1,
# tee-supplicant), tee-test, the TAs in build/ta, our init and the guest test scripts.
ROOTFS_DIR := $(BUILD_ROOT)/rootfs
ROOTFS := $(ROOTFS_DIR)/initramfs.cpio.gz
ROOTFS_INPUTS := rootfs/build.sh rootfs/broken-tas.sh rootfs/init $(wildcard tests/qemu/guest/*.sh) \
	$(TEE_TEST) $(wildcard $(BUILD_ROOT)/ta/*.ta $(BUILD_ROOT)/ta/broken-src/*.ta)

rootfs: $(ROOTFS)

$(ROOTFS): $(ROOTFS_INPUTS) $(SETUP_STAMP)
	@bash rootfs/build.sh $(BUILD_ROOT) $@
