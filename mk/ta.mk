# The TA dev kit (build/ta_dev_kit: headers, libutee.a, make code, linker script) and the TAs
# that ship with Rampart, built with it like any TA outside the tree: build/ta/<uuid>.ta.

TA_DEV_KIT := $(BUILD_ROOT)/ta_dev_kit
TA_SIGN ?= $(BUILD_ROOT)/host/ta_sign
TA_SIGN_KEY ?= $(TOP)/keys/ta_signing_key.pem
TA_OUT := $(BUILD_ROOT)/ta
TA_DIRS := ta/rampart_test ta/rampart_peer

LIBUTEE_SRCS := $(wildcard ta_sdk/libutee/*.c) ta_sdk/libutee/entry.S lib/string.c lib/vsnprintf.c
LIBUTEE_OBJS := $(patsubst %,$(BUILD_ROOT)/libutee-obj/%.o,$(LIBUTEE_SRCS))
# As TAs are built (ta_sdk/mk/ta_dev_kit.mk), plus our warnings policy.
LIBUTEE_CFLAGS = -std=gnu11 -Os -g -ffreestanding -fno-common -fno-pic -fno-pie \
	-fno-stack-protector -fno-short-enums -mgeneral-regs-only -ffunction-sections \
	-fdata-sections -fno-tree-loop-distribute-patterns -Wall -Wextra -Werror \
	-Wno-unused-parameter -nostdinc -isystem $(GCC_FW_INCLUDE) -Ita_sdk/include \
	-Ita_sdk/libc_include -I$(TOP)/include -I$(TOP)/lib/include

TA_DEV_KIT_HEADERS := $(patsubst ta_sdk/include/%,$(TA_DEV_KIT)/include/%,$(wildcard ta_sdk/include/*.h)) \
	$(patsubst ta_sdk/libc_include/%,$(TA_DEV_KIT)/include/%,$(wildcard ta_sdk/libc_include/*.h)) \
	$(TA_DEV_KIT)/include/string.h $(TA_DEV_KIT)/include/limits.h \
	$(TA_DEV_KIT)/include/rampart/ta_abi.h
TA_DEV_KIT_FILES := $(TA_DEV_KIT_HEADERS) $(TA_DEV_KIT)/lib/libutee.a \
	$(TA_DEV_KIT)/src/user_ta_header.c $(TA_DEV_KIT)/mk/ta_dev_kit.mk $(TA_DEV_KIT)/mk/ta.ld \
	$(TA_DEV_KIT)/mk/conf.mk

.PHONY: ta_dev_kit tas
all: ta_dev_kit tas
ta_dev_kit: $(TA_DEV_KIT_FILES)

$(BUILD_ROOT)/libutee-obj/%.c.o: %.c $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(LIBUTEE_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD_ROOT)/libutee-obj/%.S.o: %.S $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $@"; $(CC_FW) $(LIBUTEE_CFLAGS) -D__ASSEMBLER__ -MMD -MP -c $< -o $@

$(TA_DEV_KIT)/lib/libutee.a: $(LIBUTEE_OBJS)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"; rm -f $@; $(CROSS_COMPILE)ar rcs $@ $^

$(TA_DEV_KIT)/include/%.h: ta_sdk/include/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/include/%.h: ta_sdk/libc_include/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/include/%.h: lib/include/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/include/rampart/%.h: include/rampart/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/src/%.c: ta_sdk/src/%.c
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/mk/ta_dev_kit.mk: ta_sdk/mk/ta_dev_kit.mk
	@mkdir -p $(dir $@); cp $< $@

$(TA_DEV_KIT)/mk/ta.ld: ta_sdk/mk/ta.ld.S include/rampart/ta_abi.h $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; base=$$(sed -n 's/^#define TA_IMAGE_BASE \(0x[0-9a-fA-F]*\)UL.*/\1/p' \
		include/rampart/ta_abi.h); \
	$(CC_FW) -E -P -x assembler-with-cpp -DTA_IMAGE_BASE_VALUE=$$base $< -o $@

# The defaults a TA build outside the tree gets; TA_SIGN and TA_SIGN_KEY stay overridable.
$(TA_DEV_KIT)/mk/conf.mk: mk/ta.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; printf '%s\n' '# Written by the Rampart build.' \
		'TA_SIGN ?= $(TA_SIGN)' 'TA_SIGN_KEY ?= $(TA_SIGN_KEY)' >$@

# Each TA through the dev kit, as a TA author would; the result is copied to build/ta/. The
# signing tool, when the tree builds one, is a host tool.
ta_binary = $(shell sed -n 's/^BINARY *[:?]*= *//p' $(1)/Makefile)
tas: ta_dev_kit | host-tools
	@mkdir -p $(TA_OUT)
	@set -e; for d in $(TA_DIRS); do \
		$(MAKE) --no-print-directory -C $$d O=$(BUILD_ROOT)/ta-obj/$$(basename $$d) \
			TA_DEV_KIT_DIR=$(TA_DEV_KIT) CROSS_COMPILE=$(CROSS_COMPILE) \
			TA_SIGN=$(TA_SIGN) TA_SIGN_KEY=$(TA_SIGN_KEY); \
	done
	@$(foreach d,$(TA_DIRS),$(call ta_install,$(d),$(call ta_binary,$(d))))
define ta_install
obj=$(BUILD_ROOT)/ta-obj/$(notdir $(1)); \
if [ -f $$obj/$(2).ta ]; then cp $$obj/$(2).ta $(TA_OUT)/; rm -f $(TA_OUT)/$(2).elf; \
else cp $$obj/$(2).stripped.elf $(TA_OUT)/$(2).elf; rm -f $(TA_OUT)/$(2).ta; fi;
endef

-include $(LIBUTEE_OBJS:.o=.d)

# The host tests include building a TA from outside the tree with the dev kit.
unit-test: ta_dev_kit

.PHONY: clean-ta
clean: clean-ta
clean-ta:
	rm -rf $(TA_DEV_KIT) $(TA_OUT) $(BUILD_ROOT)/ta-obj $(BUILD_ROOT)/libutee-obj
