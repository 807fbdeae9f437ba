# TA signing: the host tools (Debian's libmbedtls) and the public half of the signing key that is
# built into the trusted OS.
#
#   TA_SIGN_KEY  the RSA key pair TAs are signed with (default: the development key in keys/);
#                the trusted OS accepts only TAs signed with the key it was built with, and
#                says on the secure console at every boot when that is the development key
#   TA_SIGN      the signing tool: $(TA_SIGN) --key $(TA_SIGN_KEY) --in x.elf --out <uuid>.ta

TA_SIGN_KEY ?= $(TOP)/keys/ta_signing_key.pem
override TA_SIGN_KEY := $(abspath $(TA_SIGN_KEY))
TA_SIGN := $(BUILD_ROOT)/host/ta_sign
TA_PUBKEY_TOOL := $(BUILD_ROOT)/host/ta_pubkey
TA_PUBKEY_C := $(BUILD)/keys/ta_signing_pubkey.c
TA_PUBKEY_OBJ := $(BUILD)/keys/ta_signing_pubkey.o
HOST_MBEDTLS_LIBS := -lmbedcrypto

TA_KEY_TOOL_SRCS := tools/ta_key.c
TA_KEY_TOOL_DEPS := tools/ta_key.c tools/ta_key.h include/rampart/ta_image.h $(SETUP_STAMP)

host-tools: $(TA_SIGN)

$(TA_SIGN): tools/ta_sign.c lib/common/ta_image.c $(TA_KEY_TOOL_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"; $(HOSTCC) $(HOST_CFLAGS) -Itools tools/ta_sign.c $(TA_KEY_TOOL_SRCS) \
		lib/common/ta_image.c $(HOST_MBEDTLS_LIBS) -o $@

$(TA_PUBKEY_TOOL): tools/ta_pubkey.c $(TA_KEY_TOOL_DEPS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"; $(HOSTCC) $(HOST_CFLAGS) -Itools tools/ta_pubkey.c $(TA_KEY_TOOL_SRCS) \
		$(HOST_MBEDTLS_LIBS) -o $@

# The key's path is part of what the object depends on: another TA_SIGN_KEY rebuilds it.
TA_KEY_PATH_STAMP := $(BUILD)/keys/key-path
$(shell mkdir -p $(BUILD)/keys; [ "$$(cat $(TA_KEY_PATH_STAMP) 2>/dev/null)" = "$(TA_SIGN_KEY)" ] || \
	echo "$(TA_SIGN_KEY)" >$(TA_KEY_PATH_STAMP))

$(TA_PUBKEY_C): $(TA_SIGN_KEY) $(TA_KEY_PATH_STAMP) $(TA_PUBKEY_TOOL)
	@echo "  PUBKEY  $@ (from $(TA_SIGN_KEY))"; $(TA_PUBKEY_TOOL) $(TA_SIGN_KEY) $@

$(TA_PUBKEY_OBJ): $(TA_PUBKEY_C)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) -I$(TOP)/lib/crypto -c $< -o $@

# The development key's public half, always built in: the trusted OS compares its own key with
# it at boot and warns on the secure console when they are the same (tee/ta_verify.c).
TA_DEV_KEY := $(TOP)/keys/ta_signing_key.pem
TA_DEV_PUBKEY_C := $(BUILD)/keys/ta_development_pubkey.c
TA_DEV_PUBKEY_OBJ := $(BUILD)/keys/ta_development_pubkey.o

$(TA_DEV_PUBKEY_C): $(TA_DEV_KEY) $(TA_PUBKEY_TOOL)
	@echo "  PUBKEY  $@ (the development key)"; \
		$(TA_PUBKEY_TOOL) $(TA_DEV_KEY) $@ ta_development_pubkey

$(TA_DEV_PUBKEY_OBJ): $(TA_DEV_PUBKEY_C)
	@echo "  CC      $@"; $(CC_FW) $(FW_CFLAGS) -I$(TOP)/lib/crypto -c $< -o $@

# A small image signed at build time with TA_SIGN_KEY, built into the trusted OS for its boot-time
# self-test (tee/crypto_selftest.c): the freestanding mbedTLS must accept it with the built-in key.
TA_SELFTEST_OBJ := $(BUILD)/keys/selftest_ta.o

$(BUILD)/keys/selftest.elf: $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; echo 'const char selftest_payload[] = "rampart TA signature self-test";' | \
		$(CC_FW) -x c -c - -o $@

$(BUILD)/keys/selftest.ta: $(BUILD)/keys/selftest.elf $(TA_SIGN) $(TA_SIGN_KEY) $(TA_KEY_PATH_STAMP)
	@echo "  TASIGN  $@"; $(TA_SIGN) --key $(TA_SIGN_KEY) --in $< --out $@

# objcopy names the symbols after the file name: _binary_selftest_ta_start / _end.
$(TA_SELFTEST_OBJ): $(BUILD)/keys/selftest.ta
	@echo "  OBJCOPY $@"; cd $(dir $<) && $(OBJCOPY_FW) -I binary -O elf64-littleaarch64 \
		-B aarch64 --rename-section .data=.rodata.selftest_ta,alloc,load,readonly,data,contents \
		selftest.ta $@
