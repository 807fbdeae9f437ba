# The TA dev kit (build/ta_dev_kit: headers, libutee.a, make code, linker script) and the TAs
# that ship with Rampart, built with it like any TA outside the tree: build/ta/<uuid>.ta.

TA_DEV_KIT := $(BUILD_ROOT)/ta_dev_kit
TA_SIGN ?= $(BUILD_ROOT)/host/ta_sign
TA_SIGN_KEY ?= $(TOP)/keys/ta_signing_key.pem
TA_OUT := $(BUILD_ROOT)/ta
TA_DIRS := ta/rampart_test ta/rampart_peer ta/rampart_single ta/rampart_large ta/rampart_crypto \
	ta/rampart_arith ta/rampart_fpu ta/rampart_libc ta/rampart_asym ta/rampart_bench \
	ta/rampart_storage ta/rampart_storage_b ta/rampart_socket ta/rampart_plugin \
	ta/rampart_gp11 ta/rampart_pkcs11
# Shared TA libraries before the TAs linked with them (their .so is in the link).
TA_DIRS += ta/rampart_shlib ta/rampart_shlib2 ta/rampart_dl

# The TA C library: Debian's picolibc for aarch64 (mk/setup.sh), as packaged: its headers and its
# default libc.a/libm.a (built for size; its string functions use general registers only) go
# into the dev kit; libutee supplies what picolibc asks of a system (libc_*.c: the allocator on
# the TA heap, stdout to the TA log, assert/abort/exit as panics, getentropy).
PICOLIBC_DIR ?= /usr/lib/picolibc/aarch64-linux-gnu
PICOLIBC_INCLUDE := $(PICOLIBC_DIR)/include

LIBUTEE_SRCS := $(wildcard ta_sdk/libutee/*.c) ta_sdk/libutee/entry.S
LIBUTEE_OBJS := $(patsubst %,$(BUILD_ROOT)/libutee-obj/%.o,$(LIBUTEE_SRCS))
# libdl: dlopen/dlsym for TAs linked with -ldl (shared TA libraries, docs/ta-sdk.md).
LIBDL_SRCS := $(wildcard ta_sdk/libdl/*.c)
LIBDL_OBJS := $(patsubst %,$(BUILD_ROOT)/libutee-obj/%.o,$(LIBDL_SRCS))
# As TAs are built (ta_sdk/mk/ta_dev_kit.mk), plus our warnings policy.
LIBUTEE_CFLAGS = -std=gnu11 -Os -g -ffreestanding -fno-common -fno-pic -fno-pie \
	-fno-stack-protector -fno-short-enums -ffunction-sections \
	-fdata-sections -fno-tree-loop-distribute-patterns -Wall -Wextra -Werror \
	-Wno-unused-parameter -nostdinc -Ita_sdk/include -I$(TOP)/include \
	-isystem $(PICOLIBC_INCLUDE) -isystem $(GCC_FW_INCLUDE) -DRAMPART_VERSION='"$(RAMPART_VERSION)"'

# The C library's headers are installed as a tree (stamp); ours beside them.
TA_LIBC_HEADER_STAMP := $(TA_DEV_KIT)/include/.libc-installed
TA_DEV_KIT_HEADERS := $(patsubst ta_sdk/include/%,$(TA_DEV_KIT)/include/%,$(wildcard ta_sdk/include/*.h)) \
	$(TA_DEV_KIT)/include/rampart/ta_abi.h $(TA_LIBC_HEADER_STAMP)
# host_include: what a normal-world program that talks to TAs includes besides conf.h, as in
# OP-TEE's kit: the GP API headers (types, defines, algorithm and attribute IDs, pta_*.h).
# xtest's host side includes them with the system's own C library headers.
TA_DEV_KIT_HOST_HEADERS := \
	$(patsubst ta_sdk/include/%,$(TA_DEV_KIT)/host_include/%,$(wildcard ta_sdk/include/*.h)) \
	$(TA_DEV_KIT)/host_include/rampart/ta_abi.h
TA_DEV_KIT_FILES := $(TA_DEV_KIT_HEADERS) $(TA_DEV_KIT_HOST_HEADERS) $(TA_DEV_KIT)/lib/libutee.a \
	$(TA_DEV_KIT)/lib/libdl.a \
	$(TA_DEV_KIT)/lib/libc.a $(TA_DEV_KIT)/lib/libm.a \
	$(TA_DEV_KIT)/src/user_ta_header.c $(TA_DEV_KIT)/mk/ta_dev_kit.mk $(TA_DEV_KIT)/mk/ta.ld \
	$(TA_DEV_KIT)/mk/ta_dyn.ld \
	$(TA_DEV_KIT)/mk/conf.mk $(TA_DEV_KIT)/host_include/conf.mk $(TA_DEV_KIT)/host_include/conf.h

# The CFG_* switches TAs and their host programs test (OP-TEE names, the ones optee_test and
# optee_examples read), set to what this trusted OS does: y only for what it implements. Whoever
# adds a feature turns its switch on here. Exported as mk/conf.mk and host_include/conf.mk
# (make syntax) and host_include/conf.h (#define CFG_x 1 for y; n is left undefined).
TA_KIT_CFG := \
	CFG_CACHE_API=n \
	CFG_CORE_TPM_EVENT_LOG=n \
	CFG_CRYPTO_RSASSA_NA1=n \
	CFG_CRYPTO_SE05X=n \
	CFG_FTRACE_SUPPORT=n \
	CFG_GP_SOCKETS=y \
	CFG_PKCS11_TA=n \
	CFG_REE_FS=y \
	CFG_SECSTOR_TA_MGMT_PTA=n \
	CFG_SECURE_DATA_PATH=n \
	CFG_SECURE_PARTITION=n \
	CFG_SPMC_TESTS=n \
	CFG_SYSTEM_PTA=n \
	CFG_TA_ASLR=n \
	CFG_TA_BGET_TEST=n \
	CFG_TA_BTI=n \
	CFG_TA_FLOAT_SUPPORT=y \
	CFG_TA_MBEDTLS=y \
	CFG_TA_MBEDTLS_SELF_TEST=n \
	CFG_TA_OPTEE_CORE_API_COMPAT_1_1=n \
	CFG_TA_PAUTH=n \
	CFG_ULIBS_SHARED=n

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

$(TA_DEV_KIT)/lib/libdl.a: $(LIBDL_OBJS)
	@mkdir -p $(dir $@)
	@echo "  AR      $@"; rm -f $@; $(CROSS_COMPILE)ar rcs $@ $^

$(TA_DEV_KIT)/include/%.h: ta_sdk/include/%.h
	@mkdir -p $(dir $@); cp $< $@
# picolibc's headers (its default build's picolibc.h; not the release/ variant's).
$(TA_LIBC_HEADER_STAMP): $(SETUP_STAMP)
	@test -f $(PICOLIBC_INCLUDE)/picolibc.h || { echo "error: $(PICOLIBC_INCLUDE) missing: \
		install picolibc-aarch64-linux-gnu (mk/setup.sh)" >&2; exit 1; }
	@mkdir -p $(dir $@)
	@echo "  INSTALL $(TA_DEV_KIT)/include (picolibc)"; \
		tar -C $(PICOLIBC_INCLUDE) --exclude=./release -cf - . | tar -C $(dir $@) -xf - && \
		touch $@
$(TA_DEV_KIT)/lib/libc.a $(TA_DEV_KIT)/lib/libm.a: $(TA_DEV_KIT)/lib/%: $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  INSTALL $@"; cp $(PICOLIBC_DIR)/lib/$* $@
$(TA_DEV_KIT)/include/rampart/%.h: include/rampart/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/host_include/%.h: ta_sdk/include/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/host_include/rampart/%.h: include/rampart/%.h
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/src/%.c: ta_sdk/src/%.c
	@mkdir -p $(dir $@); cp $< $@
$(TA_DEV_KIT)/mk/ta_dev_kit.mk: ta_sdk/mk/ta_dev_kit.mk
	@mkdir -p $(dir $@); cp $< $@

# ta_dyn.ld: the same with the dynamic sections, for TAs linked with shared TA libraries.
$(TA_DEV_KIT)/mk/ta.ld $(TA_DEV_KIT)/mk/ta_dyn.ld: ta_sdk/mk/ta.ld.S include/rampart/ta_abi.h $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; base=$$(sed -n 's/^#define TA_IMAGE_BASE \(0x[0-9a-fA-F]*\)UL.*/\1/p' \
		include/rampart/ta_abi.h); \
	$(CC_FW) -E -P -x assembler-with-cpp -DTA_IMAGE_BASE_VALUE=$$base \
		$(if $(filter %ta_dyn.ld,$@),-DTA_DYNAMIC) $< -o $@

# The defaults a TA build outside the tree gets; TA_SIGN and TA_SIGN_KEY stay overridable.
$(TA_DEV_KIT)/mk/conf.mk: mk/ta.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; printf '%s\n' '# Written by the Rampart build.' \
		'TA_SIGN ?= $(TA_SIGN)' 'TA_SIGN_KEY ?= $(TA_SIGN_KEY)' $(TA_KIT_CFG) >$@

# The same switches for host programs (xtest's Makefile includes conf.mk, its sources conf.h).
$(TA_DEV_KIT)/host_include/conf.mk: mk/ta.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; printf '%s\n' '# Written by the Rampart build.' $(TA_KIT_CFG) >$@

$(TA_DEV_KIT)/host_include/conf.h: mk/ta.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; { printf '%s\n' '/* Written by the Rampart build. */' \
		'#ifndef RAMPART_TA_KIT_CONF_H' '#define RAMPART_TA_KIT_CONF_H'; \
		for c in $(TA_KIT_CFG); do \
			case $$c in \
			*=y) echo "#define $${c%=y} 1" ;; \
			*=n) echo "/* $${c%=n} is not set */" ;; \
			*) echo "#define $${c%%=*} $${c#*=}" ;; \
			esac; \
		done; echo '#endif'; } >$@

# Each TA through the dev kit, as a TA author would; the result is copied to build/ta/ only when
# it changed, so the initramfs is rebuilt only then. The signing tool is a host tool.
# A TA's BINARY or a shared library's SHLIBUUID: the name of its signed file, <uuid>.ta.
ta_binary = $(shell sed -n 's/^\(BINARY\|SHLIBUUID\) *[:?]*= *//p' $(1)/Makefile)
# The refused TA, signed three times for tee-test's bad-ta-files case (rootfs/broken-tas.sh):
# 01 and 02 with the project key, 03 with a key the trusted OS does not know.
REFUSED_PREFIX := 5ee1c0de-7a11-4e57-9a6e-6261640000
REFUSED_OTHER_KEY := $(TOP)/tests/unit/keys/other_3072.pem
# The swap TA, built as two versions of one UUID for tee-test's ta-file-replaced case; shipped
# outside /lib/optee_armtz (rootfs/build.sh), tee-test installs and replaces it.
SWAP_VERSIONS := 1 2
# Shared TA libraries the trusted OS must refuse (ta/rampart_shlib_bad, tee-test's ta-shlib):
# signed as built, but bad-reloc, whose first relocation is moved outside it, then signed.
BAD_SHLIBS := cycle-a cycle-b needs-ta bad-reloc
bad_shlib_uuid = $(shell sed -n 's/^uuid-$(1) *:= *//p' ta/rampart_shlib_bad/Makefile)
TA_OUTPUTS := $(foreach d,$(TA_DIRS),$(TA_OUT)/$(call ta_binary,$(d)).ta) \
	$(foreach b,$(BAD_SHLIBS),$(TA_OUT)/$(call bad_shlib_uuid,$(b)).ta) \
	$(foreach n,01 02 03,$(TA_OUT)/broken-src/$(REFUSED_PREFIX)$(n).ta) \
	$(foreach v,$(SWAP_VERSIONS),$(TA_OUT)/swap-src/v$(v).ta)

# The crypto TA's known answers, from Debian's python3-cryptography-vectors (mk/setup.sh).
CRYPTO_VECTORS_DIR ?= /usr/lib/python3/dist-packages/cryptography_vectors
KAT_DIR := $(BUILD_ROOT)/gen/crypto_kat
KAT_HEADER := $(KAT_DIR)/kat_vectors.h
$(KAT_HEADER): tools/crypto_kat_gen.py $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@test -d $(CRYPTO_VECTORS_DIR) || { echo "error: $(CRYPTO_VECTORS_DIR) missing: install \
		python3-cryptography-vectors (mk/setup.sh)" >&2; exit 1; }
	@echo "  GEN     $@"; python3 tools/crypto_kat_gen.py $(CRYPTO_VECTORS_DIR) $@

# The arithmetic TA's known answers, computed by Python's integers over a fixed seed.
ARITH_KAT_DIR := $(BUILD_ROOT)/gen/arith_kat
ARITH_KAT_HEADER := $(ARITH_KAT_DIR)/arith_vectors.h
$(ARITH_KAT_HEADER): tools/arith_kat_gen.py
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; python3 tools/arith_kat_gen.py $@

# The asymmetric crypto TA's known answers, from the same vectors (tools/asym_kat_gen.py).
ASYM_KAT_DIR := $(BUILD_ROOT)/gen/asym_kat
ASYM_KAT_HEADER := $(ASYM_KAT_DIR)/asym_vectors.h
$(ASYM_KAT_HEADER): tools/asym_kat_gen.py $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@test -d $(CRYPTO_VECTORS_DIR) || { echo "error: $(CRYPTO_VECTORS_DIR) missing: install \
		python3-cryptography-vectors (mk/setup.sh)" >&2; exit 1; }
	@echo "  GEN     $@"; python3 tools/asym_kat_gen.py $(CRYPTO_VECTORS_DIR) $@

# install-if-changed SRC DST
ta_install = mkdir -p $(dir $(2)); cmp -s $(1) $(2) || cp $(1) $(2)

.PHONY: tas-build
tas-build: ta_dev_kit $(TA_SIGN) $(KAT_HEADER) $(ARITH_KAT_HEADER) $(ASYM_KAT_HEADER)
	@set -e; for d in $(TA_DIRS); do \
		$(MAKE) --no-print-directory -C $$d O=$(BUILD_ROOT)/ta-obj/$$(basename $$d) \
			TA_DEV_KIT_DIR=$(TA_DEV_KIT) CROSS_COMPILE=$(CROSS_COMPILE) KAT_DIR=$(KAT_DIR) \
			ARITH_KAT_DIR=$(ARITH_KAT_DIR) ASYM_KAT_DIR=$(ASYM_KAT_DIR) \
			TA_SIGN=$(TA_SIGN) TA_SIGN_KEY=$(TA_SIGN_KEY); \
	done
	@set -e; for n in 01 02 03; do \
		key=$(TA_SIGN_KEY); [ $$n != 03 ] || key=$(REFUSED_OTHER_KEY); \
		$(MAKE) --no-print-directory -C ta/rampart_refused \
			O=$(BUILD_ROOT)/ta-obj/rampart_refused-$$n REFUSED_TA_N=$$n \
			TA_DEV_KIT_DIR=$(TA_DEV_KIT) CROSS_COMPILE=$(CROSS_COMPILE) \
			TA_SIGN=$(TA_SIGN) TA_SIGN_KEY=$$key; \
	done
	@set -e; for b in $(BAD_SHLIBS); do \
		$(MAKE) --no-print-directory -C ta/rampart_shlib_bad \
			O=$(BUILD_ROOT)/ta-obj/rampart_shlib_bad-$$b BAD_SHLIB=$$b \
			TA_DEV_KIT_DIR=$(TA_DEV_KIT) CROSS_COMPILE=$(CROSS_COMPILE) \
			TA_SIGN=$(TA_SIGN) TA_SIGN_KEY=$(TA_SIGN_KEY); \
	done
	@set -e; d=$(BUILD_ROOT)/ta-obj/rampart_shlib_bad-bad-reloc; \
		python3 tools/shlib_bad_reloc.py $$d/librampart_bad.stripped.so $$d/altered.so; \
		$(TA_SIGN) --key $(TA_SIGN_KEY) --in $$d/altered.so \
			--out $$d/$(call bad_shlib_uuid,bad-reloc).ta >/dev/null
	@$(foreach b,$(BAD_SHLIBS),$(call ta_install,$(BUILD_ROOT)/ta-obj/rampart_shlib_bad-$(b)/$(call bad_shlib_uuid,$(b)).ta,$(TA_OUT)/$(call bad_shlib_uuid,$(b)).ta);)
	@set -e; for v in $(SWAP_VERSIONS); do \
		$(MAKE) --no-print-directory -C ta/rampart_swap \
			O=$(BUILD_ROOT)/ta-obj/rampart_swap-$$v SWAP_TA_VERSION=$$v \
			TA_DEV_KIT_DIR=$(TA_DEV_KIT) CROSS_COMPILE=$(CROSS_COMPILE) \
			TA_SIGN=$(TA_SIGN) TA_SIGN_KEY=$(TA_SIGN_KEY); \
	done
	@$(foreach v,$(SWAP_VERSIONS),$(call ta_install,$(BUILD_ROOT)/ta-obj/rampart_swap-$(v)/$(call ta_binary,ta/rampart_swap).ta,$(TA_OUT)/swap-src/v$(v).ta);)
	@$(foreach d,$(TA_DIRS),$(call ta_install,$(BUILD_ROOT)/ta-obj/$(notdir $(d))/$(call ta_binary,$(d)).ta,$(TA_OUT)/$(call ta_binary,$(d)).ta);)
	@$(foreach n,01 02 03,$(call ta_install,$(BUILD_ROOT)/ta-obj/rampart_refused-$(n)/$(REFUSED_PREFIX)$(n).ta,$(TA_OUT)/broken-src/$(REFUSED_PREFIX)$(n).ta);)

# The files exist once tas-build ran; their times change only with their content.
$(TA_OUTPUTS): tas-build
	@test -f $@ || { echo "error: the TA build did not make $@" >&2; exit 1; }

tas: $(TA_OUTPUTS)

-include $(LIBUTEE_OBJS:.o=.d) $(LIBDL_OBJS:.o=.d)

# The host tests include building a TA from outside the tree with the dev kit.
unit-test: ta_dev_kit

.PHONY: clean-ta
clean: clean-ta
clean-ta:
	rm -rf $(TA_DEV_KIT) $(TA_OUT) $(BUILD_ROOT)/ta-obj $(BUILD_ROOT)/libutee-obj $(KAT_DIR) \
		$(ARITH_KAT_DIR) $(ASYM_KAT_DIR)
