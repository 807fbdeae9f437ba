# mbedTLS for the trusted OS: the library sources of Debian's mbedtls source package (unpacked by
# the set-up step into build/src/mbedtls), compiled freestanding with our configuration
# (lib/crypto/mbedtls_config.h) into $(MBEDTLS_LIB).

MBEDTLS_SRC_DIR := $(BUILD_ROOT)/src/mbedtls
MBEDTLS_CONFIG := lib/crypto/mbedtls_config.h
MBEDTLS_LIB := $(BUILD)/mbedtls/libmbedcrypto.a

# Only what the configuration enables: hashes, RSA, CTR_DRBG over AES, and the GP operations'
# AES modes, CMAC, GCM and CCM, DES and 3DES, ECDSA/ECDH on the NIST curves, DH, HKDF, PBKDF2.
MBEDTLS_MODULES := aes bignum ccm cipher cipher_wrap cmac constant_time ctr_drbg des gcm md md5 \
	oid platform platform_util rsa rsa_internal sha1 sha256 sha512 \
	asn1parse asn1write dhm ecdh ecdsa ecp ecp_curves hkdf pkcs5
MBEDTLS_OBJS := $(patsubst %,$(BUILD)/mbedtls/%.o,$(MBEDTLS_MODULES))

# What code using mbedTLS inside the trusted OS compiles with.
MBEDTLS_CFLAGS = -I$(TOP)/lib/crypto -I$(MBEDTLS_SRC_DIR)/include \
	-DMBEDTLS_CONFIG_FILE='"mbedtls_config.h"'

# Third-party code: its own warnings are not ours to fix, so no -Werror/-Wextra for it. It serves
# TAs' bulk crypto, so speed counts: -O2 as the rest, and without -mstrict-align (it runs with the
# MMU on and SCTLR_EL1.A clear, so the compiler may merge its byte loads into word loads; 7% on
# AES-CBC, 24% on ECDSA by instruction count, docs/benchmarks.md).
MBEDTLS_LIB_CFLAGS = $(filter-out -Werror -Wextra -mstrict-align,$(FW_CFLAGS)) -ffunction-sections \
	-fdata-sections $(MBEDTLS_CFLAGS) $(TEE_PAC_CFLAGS)

$(MBEDTLS_OBJS): $(BUILD)/mbedtls/%.o: $(SETUP_STAMP) $(MBEDTLS_CONFIG)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(MBEDTLS_LIB_CFLAGS) -MMD -MP \
		-c $(MBEDTLS_SRC_DIR)/library/$*.c -o $@

$(MBEDTLS_LIB): $(MBEDTLS_OBJS)
	@echo "  AR      $@"; rm -f $@; $(CROSS_COMPILE)ar rcs $@ $^

-include $(MBEDTLS_OBJS:.o=.d)
