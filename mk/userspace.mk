# Linux programs for the initramfs, cross-compiled with Debian's aarch64 gcc and its arm64 glibc
# (libc6-dev-arm64-cross) against Debian's libteec (optee-client-dev:arm64, unpacked by the
# set-up step into build/pkg/optee-client).
TEE_CLIENT_DIR := $(BUILD_ROOT)/pkg/optee-client
USERSPACE_DIR := $(BUILD_ROOT)/userspace
TEE_TEST := $(USERSPACE_DIR)/tee-test
LATENCY := $(USERSPACE_DIR)/rampart-latency

CC_USER = $(CROSS_COMPILE)gcc
USER_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -pthread \
	-I$(TEE_CLIENT_DIR)/usr/include -I$(TOP)/ta/include
USER_LDFLAGS := -pthread -L$(TEE_CLIENT_DIR)/usr/lib/aarch64-linux-gnu

TEE_TEST_SRCS := $(wildcard userspace/tee-test/*.c)
TEE_TEST_HDRS := $(wildcard userspace/tee-test/*.h) ta/include/rampart_test_ta.h \
	ta/include/rampart_crypto_ta.h ta/include/rampart_arith_ta.h ta/include/rampart_fpu_ta.h \
	ta/include/rampart_libc_ta.h ta/include/rampart_asym_ta.h ta/include/rampart_bench_ta.h \
	ta/include/rampart_storage_ta.h ta/include/rampart_dl_ta.h

.PHONY: userspace
userspace: $(TEE_TEST) $(LATENCY)

$(TEE_TEST): $(TEE_TEST_SRCS) $(TEE_TEST_HDRS) $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) $(TEE_TEST_SRCS) $(USER_LDFLAGS) -lteec -o $@

$(LATENCY): userspace/latency/latency.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_USER) $(USER_CFLAGS) $< $(USER_LDFLAGS) -o $@
