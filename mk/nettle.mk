# nettle for the trusted OS: Ed25519, X25519, DSA and SM3, which mbedTLS 2.28 lacks. The sources are
# Debian's nettle source package (unpacked by the set-up step into build/src/nettle), of which
# only the files those three need are compiled, freestanding with the firmware's flags and
# nettle's own small bignum code, mini-gmp (as `configure --enable-mini-gmp` would), into
# $(NETTLE_LIB). Nothing of nettle is kept in the tree; docs/crypto.md lists the files and why.

NETTLE_SRC_DIR := $(BUILD_ROOT)/src/nettle
NETTLE_OUT := $(BUILD)/nettle
NETTLE_LIB := $(NETTLE_OUT)/libnettle.a
# What the build makes from the sources: version.h, ecc-curve25519.h, mini-gmp.c without its
# floating-point part, and include/nettle (a link to the sources, for <nettle/eddsa.h>).
NETTLE_GEN := $(NETTLE_OUT)/gen
NETTLE_INCLUDE := $(NETTLE_OUT)/include
NETTLE_ECCDATA := $(BUILD_ROOT)/host/nettle-eccdata

# Ed25519 with SHA-512 (RFC 8032 5.1): the public key, signing and verification.
NETTLE_MODULES := ed25519-sha512 ed25519-sha512-pubkey ed25519-sha512-sign ed25519-sha512-verify \
	eddsa-compress eddsa-decompress eddsa-expand eddsa-hash eddsa-pubkey eddsa-sign eddsa-verify \
	sha512 sha512-compress
# X25519 (RFC 7748): the Montgomery ladder and the fixed-base product by way of Edwards points.
NETTLE_MODULES += curve25519-mul curve25519-mul-g curve25519-eh-to-x ecc-mul-m
# The curve and the arithmetic both use: field and group operations on curve25519's limbs.
NETTLE_MODULES += ecc-curve25519 ecc-mod-arith ecc-mod-inv ecc-mul-g-eh ecc-mul-a-eh ecc-add-th \
	ecc-add-thh ecc-dup-th ecc-eh-to-a ecc-a-to-j cnd-copy sec-tabselect sec-add-1 gmp-glue
# DSA (FIPS 186-4): domain parameters, signing, verification, key pairs from given parameters,
# and the byte-string conversions and random numbers below q they use.
NETTLE_MODULES += dsa dsa-sign dsa-verify dsa-keygen dsa-hash bignum bignum-random
# SM3 (GB/T 32905-2016, nettle 3.8's) and HMAC-SM3 by nettle's generic HMAC (RFC 2104), with the
# hash descriptor HMAC takes, the XOR it pads with and the big-endian output SM3 writes.
NETTLE_MODULES += sm3 sm3-meta hmac hmac-sm3 memxor write-be32
# AES-GCM where the CPU has the Armv8 Crypto Extensions (tee/crypto_gcm.c): nettle's GCM mode
# (NIST SP 800-38D) with its counter-mode helper, and its AES key expansion (FIPS 197 5.2) with
# the S-box table it reads. The block encryption and GHASH come from nettle's arm64 assembly below.
NETTLE_MODULES += gcm ctr16 aes128-set-encrypt-key aes192-set-encrypt-key aes256-set-encrypt-key \
	aes-set-key-internal aes-encrypt-table memxor3
NETTLE_MODULE_OBJS := $(patsubst %,$(NETTLE_OUT)/%.o,$(NETTLE_MODULES))
# nettle's arm64/crypto assembly: GHASH's key powers and update with PMULL, and AES-128/192/256
# encryption with AESE/AESMC. They replace nettle's C _ghash_set_key, _ghash_update and
# aes*_encrypt (not built), as configure --enable-arm64-crypto would have them replace.
NETTLE_ASM := ghash-set-key ghash-update aes128-encrypt aes192-encrypt aes256-encrypt
NETTLE_ASM_OBJS := $(patsubst %,$(NETTLE_OUT)/arm64-crypto/%.o,$(NETTLE_ASM))
NETTLE_OBJS := $(NETTLE_MODULE_OBJS) $(NETTLE_ASM_OBJS) $(NETTLE_OUT)/mini-gmp.o

# What trusted-OS code that calls nettle compiles with: <nettle/dsa.h> and the like, and the
# generated version.h they include, after the kernel's own headers.
NETTLE_CFLAGS = -I$(NETTLE_INCLUDE) -idirafter $(NETTLE_GEN)

# nettle's files: the firmware's flags without -Werror/-Wextra (third-party warnings are not ours
# to fix) and -Os, as mbedTLS is built; lib/crypto/nettle first for the few C library declarations
# they need (tee/nettle_libc.c), and our configuration force-included for the config.h that
# configure would write (lib/crypto/nettle/nettle_config.h says why).
NETTLE_LIB_CFLAGS = -I$(TOP)/lib/crypto/nettle $(filter-out -Werror -Wextra -O2,$(FW_CFLAGS)) -Os \
	-ffunction-sections -fdata-sections -include $(TOP)/lib/crypto/nettle/nettle_config.h \
	-I$(NETTLE_GEN) -I$(NETTLE_SRC_DIR) $(TEE_PAC_CFLAGS)

$(NETTLE_GEN)/version.h: $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; ver=$$(sed -n 's/^AC_INIT(\[nettle\], *\[\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' \
		$(NETTLE_SRC_DIR)/configure.ac); set -- $$ver; [ -n "$$2" ] || \
		{ echo "error: no version in $(NETTLE_SRC_DIR)/configure.ac" >&2; exit 1; }; \
	sed -e "s/@MAJOR_VERSION@/$$1/" -e "s/@MINOR_VERSION@/$$2/" \
		-e 's/@NETTLE_USE_MINI_GMP@/1/' -e 's/@GMP_NUMB_BITS@/64/' \
		$(NETTLE_SRC_DIR)/version.h.in >$@.tmp && mv $@.tmp $@
# (mini-gmp's limb is an unsigned long: 64 bits on AArch64, the GMP_NUMB_BITS version.h names.)

# nettle's curve tables are computed at build time by its eccdata program (a host tool), with
# the parameters nettle's own Makefile gives curve25519 and 64-bit limbs.
$(NETTLE_ECCDATA): $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"; $(HOSTCC) -O2 -I$(NETTLE_SRC_DIR) $(NETTLE_SRC_DIR)/eccdata.c -o $@

$(NETTLE_GEN)/ecc-curve25519.h: $(NETTLE_ECCDATA)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; $(NETTLE_ECCDATA) curve25519 11 6 64 >$@.tmp 2>/dev/null && mv $@.tmp $@

# mini-gmp converts to and from double, which -mgeneral-regs-only cannot compile (the trusted
# OS leaves FP/SIMD registers alone) and nettle never calls: the build takes mini-gmp.c without
# that one section, and fails if the section is not found where it was.
$(NETTLE_GEN)/mini-gmp.c: $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; sed '/^\/\* Conversions and comparison to double\. \*\/$$/,/^\/\* MPZ comparisons and the like\. \*\/$$/{/^\/\* MPZ comparisons/!d;}' \
		$(NETTLE_SRC_DIR)/mini-gmp.c >$@.tmp && \
	grep -q '^mpz_sgn (const mpz_t u)' $@.tmp && ! grep -q 'double' $@.tmp || \
		{ echo "error: mini-gmp.c's floating-point section is not where it was" >&2; exit 1; }
	@mv $@.tmp $@

$(NETTLE_INCLUDE)/nettle: $(SETUP_STAMP)
	@mkdir -p $(dir $@)
	@ln -sfn $(NETTLE_SRC_DIR) $@

# A static pattern rule: a plain one would also offer make a way to build any $(NETTLE_OUT)/x.o,
# which it then tries for the dependency files' sake (x.d from x.d.o by the built-in rules).
$(NETTLE_MODULE_OBJS): $(NETTLE_OUT)/%.o: $(SETUP_STAMP) $(TOP)/lib/crypto/nettle/nettle_config.h \
		$(NETTLE_GEN)/version.h $(NETTLE_GEN)/ecc-curve25519.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(NETTLE_LIB_CFLAGS) -MMD -MP -c $(NETTLE_SRC_DIR)/$*.c -o $@

# nettle's HMAC hashes a key longer than the hash's block into a TMP_ALLOC buffer declared inside
# a block and used after it: with bounded arrays (HAVE_ALLOCA unset) that buffer's lifetime has
# ended when it is read (GCC warns: dangling pointer). Its TMP_ALLOC is alloca there, as in
# nettle's own builds: the buffer lives to the function's end. (GP allows HMAC-SM3 keys of 128
# bytes, over SM3's 64-byte block, so the path is reached.)
$(NETTLE_OUT)/hmac.o: NETTLE_LIB_CFLAGS += -DHAVE_ALLOCA=1 -Dalloca=__builtin_alloca

# The config.m4 nettle's configure writes for an AArch64 ELF target (its ASM_* settings there: no
# symbol prefix, ELF directives, %function, .align in powers of two, little-endian), with the
# non-executable stack note it adds on GNU systems.
$(NETTLE_GEN)/config.m4: $(SETUP_STAMP) $(TOP)/mk/nettle.mk
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"; sed -e 's/@srcdir@/$(subst /,\/,$(NETTLE_SRC_DIR))/' \
		-e 's/@ASM_SYMBOL_PREFIX@//' -e 's/@ASM_ELF_STYLE@/yes/' -e 's/@ASM_COFF_STYLE@/no/' \
		-e 's/@ASM_TYPE_FUNCTION@/%function/' -e 's/@ASM_TYPE_PROGBITS@/%progbits/' \
		-e 's/@ASM_ALIGN_LOG@/yes/' -e 's/@ELFV2_ABI@/no/' -e 's/@W64_ABI@/no/' \
		-e 's/@ASM_RODATA@/.section .rodata/' -e 's/@ASM_WORDS_BIGENDIAN@/no/' \
		-e 's/@ASM_X86_[A-Z_]*@//' -e 's/@ASM_PPC_WANT_R_REGISTERS@/n/' \
		-e 's/@ASM_MARK_NOEXEC_STACK@/.section .note.GNU-stack,"",%progbits/' \
		$(NETTLE_SRC_DIR)/config.m4.in >$@.tmp && ! grep -q @ $@.tmp || \
		{ echo "error: $(NETTLE_SRC_DIR)/config.m4.in has settings mk/nettle.mk does not know" >&2; exit 1; }
	@mv $@.tmp $@

# m4 then the assembler, as nettle's Makefile does (m4-utils.m4, asm.m4, config.m4, machine.m4).
$(NETTLE_ASM_OBJS): $(NETTLE_OUT)/arm64-crypto/%.o: $(SETUP_STAMP) $(NETTLE_GEN)/config.m4
	@mkdir -p $(dir $@)
	@echo "  AS      $@"; m4 $(NETTLE_SRC_DIR)/m4-utils.m4 $(NETTLE_SRC_DIR)/asm.m4 \
		$(NETTLE_GEN)/config.m4 $(NETTLE_SRC_DIR)/arm64/machine.m4 \
		$(NETTLE_SRC_DIR)/arm64/crypto/$*.asm >$(@:.o=.s) && \
	$(CC_FW) -c $(@:.o=.s) -o $@

$(NETTLE_OUT)/mini-gmp.o: $(NETTLE_GEN)/mini-gmp.c $(TOP)/lib/crypto/nettle/nettle_config.h
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC_FW) $(NETTLE_LIB_CFLAGS) -MMD -MP -c $< -o $@

$(NETTLE_LIB): $(NETTLE_OBJS)
	@echo "  AR      $@"; rm -f $@; $(CROSS_COMPILE)ar rcs $@ $^

-include $(NETTLE_MODULE_OBJS:.o=.d) $(NETTLE_OUT)/mini-gmp.d
