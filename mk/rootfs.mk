# The initramfs: busybox-static from Debian's arm64 package, our init and the guest test scripts.
ROOTFS_DIR := $(BUILD_ROOT)/rootfs
ROOTFS := $(ROOTFS_DIR)/initramfs.cpio.gz
ROOTFS_INPUTS := rootfs/build.sh rootfs/init $(wildcard tests/qemu/guest/*.sh)

rootfs: $(ROOTFS)

$(ROOTFS): $(ROOTFS_INPUTS) $(SETUP_STAMP)
	@bash rootfs/build.sh $(BUILD_ROOT) $@
