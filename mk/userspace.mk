# Linux programs for the initramfs, cross-compiled with Debian's aarch64 gcc and its arm64 glibc
# (libc6-dev-arm64-cross) against Debian's libteec (optee-client-dev:arm64, unpacked by the
# set-up step into build/pkg/optee-client).
TEE_CLIENT_DIR := $(BUILD_ROOT)/pkg/optee-client
USERSPACE_DIR := $(BUILD_ROOT)/userspace
TEE_TEST := $(USERSPACE_DIR)/tee-test
LATENCY := $(USERSPACE_DIR)/rampart-latency
# tee-supplicant loads plugins by file name: <uuid>.plugin in its plugin directory.
TEST_PLUGIN := $(USERSPACE_DIR)/plugins/5ee1c0de-7a11-4e57-9a6e-706c75670000.plugin
RAMPART_VM := $(USERSPACE_DIR)/rampart-vm
SVE_CHECK := $(USERSPACE_DIR)/rampart-sve-check

CC_USER = $(CROSS_COMPILE)gcc
USER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -pthread \
	-I$(TEE_CLIENT_DIR)/usr/include -I$(TOP)/ta/include
USER_LDFLAGS := -pthread -L$(TEE_CLIENT_DIR)/usr/lib/aarch64-linux-gnu

TEE_TEST_SRCS := $(wildcard userspace/tee-test/*.c)
TEE_TEST_HDRS := $(wildcard userspace/tee-test/*.h) ta/include/rampart_test_ta.h \
	ta/include/rampart_crypto_ta.h ta/include/rampart_arith_ta.h ta/include/rampart_fpu_ta.h \
	ta/include/rampart_libc_ta.h ta/include/rampart_asym_ta.h ta/include/rampart_bench_ta.h \
	ta/include/rampart_storage_ta.h ta/include/rampart_socket_ta.h ta/include/rampart_plugin.h \
	ta/include/rampart_gp11_ta.h ta/include/rampart_dl_ta.h ta/include/rampart_pkcs11_ta.h

.PHONY: userspace
userspace: $(TEE_TEST) $(LATENCY) $(TEST_PLUGIN) $(RAMPART_VM) $(SVE_CHECK)

$(TEE_TEST): $(TEE_TEST_SRCS) $(TEE_TEST_HDRS) $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) $(TEE_TEST_SRCS) $(USER_LDFLAGS) -lteec -o $@

$(LATENCY): userspace/latency/latency.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) $< $(USER_LDFLAGS) -o $@

$(TEST_PLUGIN): userspace/plugin/test_plugin.c ta/include/rampart_plugin.h $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) -fPIC -shared $< -o $@

# The control VM's tool: the hypervisor's interface (hyp/vmctl.h) and its name packing
# (hyp/vmctl.c, pure C) are shared with the hypervisor.
$(RAMPART_VM): userspace/vm/rampart-vm.c hyp/vmctl.c hyp/vmctl.h $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) -I$(TOP)/hyp userspace/vm/rampart-vm.c hyp/vmctl.c $(USER_LDFLAGS) -o $@

# SVE and SME sums for the hypervisor's switch of SVE state (tests/qemu/virt.d/sched.sh).
$(SVE_CHECK): userspace/sve-check/sve_check.c userspace/sve-check/sve_round.S \
		userspace/sve-check/sme_round.S $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) $(filter %.c %.S,$^) $(USER_LDFLAGS) -o $@
