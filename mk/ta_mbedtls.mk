# mbedTLS for trusted applications, as OP-TEE's dev kit ships it: the library sources of Debian's
# mbedtls source package (build/src/mbedtls, as for the trusted OS, mk/mbedtls.mk) compiled as TA
# code (the flags of ta_sdk/mk/ta_dev_kit.mk) with the TA configuration
# ta_sdk/mbedtls/ta_mbedtls_config.h into build/ta_dev_kit/lib/libmbedtls.a; the headers go to
# build/ta_dev_kit/include/mbedtls, with that configuration as mbedtls/config.h. TAs link it with
# libnames += mbedtls (the dev kit links it anyway when CFG_TA_MBEDTLS=y: libutee's arithmetical
# API is built on its bignum module).

TA_MBEDTLS_CONFIG := ta_sdk/mbedtls/ta_mbedtls_config.h
TA_MBEDTLS_LIB := $(TA_DEV_KIT)/lib/libmbedtls.a
TA_MBEDTLS_OBJ_DIR := $(BUILD_ROOT)/ta-mbedtls-obj

# What the configuration enables, module by module.
TA_MBEDTLS_MODULES := aes asn1parse asn1write base64 bignum ccm cipher cipher_wrap cmac \
	constant_time ctr_drbg des ecdh ecdsa ecp ecp_curves gcm hmac_drbg md md5 oid platform \
	platform_util rsa rsa_internal sha1 sha256 sha512 \
	pem pk pk_wrap pkparse pkwrite x509 x509_create x509_crt x509_csr x509write_crt x509write_csr
TA_MBEDTLS_OBJS := $(patsubst %,$(TA_MBEDTLS_OBJ_DIR)/%.o,$(TA_MBEDTLS_MODULES))

# The library's own headers (all of them: a TA may include any) and our configuration.
TA_MBEDTLS_HEADER_STAMP := $(TA_DEV_KIT)/include/mbedtls/.installed
$(TA_MBEDTLS_HEADER_STAMP): $(SETUP_STAMP) $(TA_MBEDTLS_CONFIG)
	@mkdir -p $(dir $@)
	@echo "  INSTALL $(TA_DEV_KIT)/include/mbedtls"; \
		cp $(MBEDTLS_SRC_DIR)/include/mbedtls/*.h $(dir $@) && \
		cp $(TA_MBEDTLS_CONFIG) $(dir $@)config.h && touch $@

# TA code (as ta_dev_kit.mk compiles it) against the dev kit's headers. Third-party code: its
# own warnings are not ours to fix, so no -Werror/-Wextra for it.
TA_MBEDTLS_CFLAGS = -std=gnu11 -Os -g -ffreestanding -fno-common -fno-pic -fno-pie \
	-fno-stack-protector -fno-short-enums -mno-outline-atomics \
	-ffunction-sections -fdata-sections -nostdinc -isystem $(TA_DEV_KIT)/include \
	-isystem $(GCC_FW_INCLUDE)

$(TA_MBEDTLS_OBJS): $(TA_MBEDTLS_OBJ_DIR)/%.o: $(TA_MBEDTLS_HEADER_STAMP) $(TA_DEV_KIT_HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(TA_MBEDTLS_CFLAGS) -MMD -MP \
		-c $(MBEDTLS_SRC_DIR)/library/$*.c -o $@

$(TA_MBEDTLS_LIB): $(TA_MBEDTLS_OBJS)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"; rm -f $@; $(CROSS_COMPILE)ar rcs $@ $^

ta_dev_kit: $(TA_MBEDTLS_LIB)

-include $(TA_MBEDTLS_OBJS:.o=.d)

clean: clean-ta-mbedtls
.PHONY: clean-ta-mbedtls
clean-ta-mbedtls:
	rm -rf $(TA_MBEDTLS_OBJ_DIR)

# libutee's arithmetical API includes <mbedtls/bignum.h> with the TA configuration.
TA_ARITH_OBJ := $(BUILD_ROOT)/libutee-obj/ta_sdk/libutee/tee_api_arith.c.o
$(TA_ARITH_OBJ): LIBUTEE_CFLAGS += -I$(TA_DEV_KIT)/include
$(TA_ARITH_OBJ): $(TA_MBEDTLS_HEADER_STAMP)
