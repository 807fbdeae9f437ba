# The initramfs, in two archives (rootfs/build.sh, docs/normal-world.md): the base, busybox-static
# from Debian's arm64 package, the TEE client stack (libteec1, tee-supplicant), tee-test, the TAs
# in build/ta, our init and the guest test scripts, which most boots use; and the tools, crun
# and the PKCS#11 clients (pkcs11-tool, p11tool, OpenSSH) with their libraries, unpacked over it.
# ROOTFS_FULL is the two concatenated: what make run boots, and the tests of the tools.
ROOTFS_DIR := $(BUILD_ROOT)/rootfs
ROOTFS := $(ROOTFS_DIR)/initramfs.cpio.gz
ROOTFS_TOOLS := $(ROOTFS_DIR)/tools.cpio.gz
ROOTFS_FULL := $(ROOTFS_DIR)/initramfs-tools.cpio.gz
# TA_OUTPUTS: the .ta files the TA build makes (build/ta/<uuid>.ta, build/ta/broken-src/*.ta), set
# by its makefile before this one is included, so a clean build makes the TAs first.
# The OCI bundle whose process uses the TEE (docs/containers.md): a root filesystem from Debian's
# arm64 packages with tee-test, and its config.json.in; the initramfs has it at
# /var/lib/rampart/bundles/tee.
BUNDLE_DIR := $(BUILD_ROOT)/bundles/tee
BUNDLE := $(BUNDLE_DIR)/config.json.in

ROOTFS_INPUTS := rootfs/build.sh rootfs/broken-tas.sh rootfs/init rootfs/kmods.sh \
	rootfs/needed-libs.sh rootfs/rampart-bundle rootfs/rampart-sshd rootfs/sshd_config $(BUNDLE) \
	$(wildcard tests/qemu/guest/*.sh) $(TEE_TEST) $(LATENCY) $(TEST_PLUGIN) $(RAMPART_VM) $(SVE_CHECK) \
	$(TA_OUTPUTS)

rootfs: $(ROOTFS) $(ROOTFS_FULL)

.PHONY: bundle
bundle: $(BUNDLE)

$(BUNDLE): rootfs/bundle.sh rootfs/needed-libs.sh rootfs/bundle/config.json.in $(TEE_TEST) $(SETUP_STAMP)
	@bash rootfs/bundle.sh $(BUILD_ROOT) $(BUNDLE_DIR)

$(ROOTFS) $(ROOTFS_TOOLS) $(ROOTFS_FULL) &: $(ROOTFS_INPUTS) $(SETUP_STAMP)
	@bash rootfs/build.sh $(BUILD_ROOT) $(ROOTFS) $(ROOTFS_TOOLS) $(ROOTFS_FULL)

# The normal world's disk: an ext4 image that `make run` attaches on a virtio-mmio transport and
# /init mounts at tee-supplicant's state directory, so trusted storage survives reboots and QEMU
# restarts. Made once: a later make keeps it (and the objects in it); `make disk-clean` removes
# it, and the next make starts an empty one. The label is how /init finds it (rootfs/init).
DISK_DIR := $(BUILD_ROOT)/disk
TEE_DISK := $(DISK_DIR)/tee-data.img
TEE_DISK_MIB := 64
TEE_DISK_LABEL := rampart-tee

.PHONY: disk disk-clean
disk: $(TEE_DISK)

$(TEE_DISK): | $(SETUP_STAMP)
	@bash rootfs/mkdisk.sh $@ $(TEE_DISK_MIB) $(TEE_DISK_LABEL)
	@echo "disk: $@ ($(TEE_DISK_MIB) MiB ext4, label $(TEE_DISK_LABEL))"

disk-clean:
	rm -f $(TEE_DISK)
