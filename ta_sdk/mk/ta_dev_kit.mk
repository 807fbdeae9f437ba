# Rampart TA dev kit: a TA's Makefile sets BINARY=<uuid> and includes this file, as with
# OP-TEE's dev kit. The TA directory holds sub.mk (srcs-y, global-incdirs-y, incdirs-y, cflags-y,
# cflags-<file>-y, cppflags-y, aflags-y, subdirs-y, gensrcs-y) and user_ta_header_defines.h, in
# the TA's top directory or in one of its include directories (global-incdirs-y / incdirs-y).
# A library directory sets LIBNAME=<name> instead and gets lib<name>.a, which TAs link with
# libnames += <name> and libdirs += <its output directory>. A shared TA library sets
# SHLIBNAME=lib<name> and SHLIBUUID=<uuid>, and gets lib<name>.so (position independent, its
# DT_SONAME the UUID) and <uuid>.ta, signed like a TA and installed beside them; a TA linked
# with -l<name> (LDADD, libnames) names it in DT_NEEDED and the trusted OS loads it with the
# TA. -ldl gives dlopen/dlsym/dlclose/dlerror (<dlfcn.h>); libraries' undefined symbols are the
# TA's own (its libutee and C library), which such a TA exports.
#
#   make CROSS_COMPILE=aarch64-linux-gnu- TA_DEV_KIT_DIR=<dev kit> [O=<out dir>] [V=1] [DEBUG=1]
#
# Output in O (default: the TA directory): <uuid>.elf (linked), <uuid>.stripped.elf, <uuid>.map,
# and <uuid>.ta, the stripped ELF signed with $(TA_SIGN) --key $(TA_SIGN_KEY); or lib<name>.a;
# or lib<name>.so, lib<name>.stripped.so and <SHLIBUUID>.ta.

comma := ,
ta-dev-kit-dir := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)
# A TA's own CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y (set before it includes this file) outlives the
# kit's default in conf.mk: the TA is built for GP v1.1's lengths (tee_api_compat.h).
ta-gp11 := $(CFG_TA_OPTEE_CORE_API_COMPAT_1_1)
include $(ta-dev-kit-dir)/mk/conf.mk
ifeq ($(ta-gp11),y)
CFG_TA_OPTEE_CORE_API_COMPAT_1_1 := y
endif

.PHONY: all clean
all:

ifneq (1,$(words $(BINARY) $(LIBNAME) $(SHLIBNAME)))
$(error set exactly one of BINARY=<the TA's UUID>, LIBNAME=<name> (a static library) and \
	SHLIBNAME=lib<name> with SHLIBUUID=<UUID> (a shared TA library))
endif
ifneq ($(SHLIBNAME),)
ifeq ($(shell echo '$(SHLIBUUID)' | grep -Eix '[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}'),)
$(error SHLIBNAME=$(SHLIBNAME) needs SHLIBUUID=<the library's UUID>: the trusted OS finds \
	libraries by UUID (DT_NEEDED, dlopen), as TAs)
endif
ifeq ($(shell echo '$(SHLIBNAME)' | grep -Ex '[A-Za-z0-9_+-]+'),)
$(error SHLIBNAME=$(SHLIBNAME) is not a plain library name (letters, digits, _ + -))
endif
endif
ifneq ($(LIBNAME),)
ifeq ($(shell echo '$(LIBNAME)' | grep -Ex '[A-Za-z0-9_+-]+'),)
$(error LIBNAME=$(LIBNAME) is not a plain library name (letters, digits, _ + -))
endif
else ifneq ($(BINARY),)
ifeq ($(shell echo '$(BINARY)' | grep -Eix '[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}'),)
$(error BINARY=$(BINARY) is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx))
endif
endif

# The compiler: CROSS_COMPILE_TA, else CROSS_COMPILE64 or CROSS_COMPILE (OP-TEE's names).
CROSS_COMPILE_TA ?= $(or $(CROSS_COMPILE64),$(CROSS_COMPILE),aarch64-linux-gnu-)
ta-cc := $(CROSS_COMPILE_TA)gcc
ta-objcopy := $(CROSS_COMPILE_TA)objcopy

out-dir := $(if $(O),$(patsubst %/,%,$(abspath $(O))),$(CURDIR))
# OP-TEE's name for where the link happens (TA Makefiles use it to find a library they link).
link-out-dir := $(out-dir)
q := $(if $(filter 1,$(V)),,@)

CFG_TEE_TA_LOG_LEVEL ?= 1

# TAs run at S-EL0 with FP/SIMD (each instance has its own registers: docs/trusted-os.md).
# TAs: position dependent, linked at TA_IMAGE_BASE; shared libraries: position independent.
ta-pic := $(if $(SHLIBNAME),-fPIC,-fno-pic -fno-pie)
ta-cflags := -std=gnu11 $(if $(filter 1,$(DEBUG)),-O0,-Os) -g -ffreestanding -fno-common \
	$(ta-pic) -fno-stack-protector -fno-short-enums \
	-ffunction-sections -fdata-sections -Wall
# Atomics inline (exclusive loads and stores): libgcc's out-of-line ones pick LSE through the
# C library's getauxval, which a TA does not have (atomic.h).
ta-cflags += -mno-outline-atomics
# The CFG_* view of the trusted OS (host_include/conf.h) is seen by every TA source, as TAs
# test CFG_ switches in their code.
# The kit's include/ (the GP headers and the C library's, picolibc) comes before the compiler's
# own (stddef.h, stdarg.h...); as system directories, after the TA's own -I directories.
ta-cppflags := -nostdinc -isystem $(ta-dev-kit-dir)/include \
	-isystem $(shell $(ta-cc) -print-file-name=include) \
	-include $(ta-dev-kit-dir)/host_include/conf.h \
	-DCFG_TEE_TA_LOG_LEVEL=$(CFG_TEE_TA_LOG_LEVEL) -I. \
	-DARM64=1 -D__LP64__=1
ifeq ($(CFG_TA_OPTEE_CORE_API_COMPAT_1_1),y)
ta-cppflags += -D__OPTEE_CORE_API_COMPAT_1_1=1
endif
# A TA linked with a shared TA library (a lib<name>.so for one of its -l<name>, in its -L or
# libdirs directories) or with libdl is linked dynamically (mk/ta_dyn.ld): every symbol bound at
# load time (-z now), the SysV hash table giving the loader its symbol count. With -ldl, what a
# library loaded later may need of the TA is exported. Any other TA is static (mk/ta.ld).
ta-uses-dl := $(filter -ldl,$(LDADD))$(filter dl,$(libnames))
ta-link-dirs := $(patsubst -L%,%,$(filter -L%,$(LDADD))) $(libdirs)
ta-link-names := $(patsubst -l%,%,$(filter -l%,$(LDADD))) $(libnames)
ta-shlibs := $(wildcard $(foreach d,$(ta-link-dirs),$(foreach n,$(ta-link-names),$(d)/lib$(n).so)))
ta-ldflags := -nostdlib -Wl,--gc-sections -Wl,--build-id=none -Wl,-z,max-page-size=4096 \
	-Wl,-z,noexecstack -Wl,-z,norelro -Wl,-Map,$(out-dir)/$(BINARY).map
ifneq ($(ta-uses-dl)$(ta-shlibs),)
ta-ld-script := $(ta-dev-kit-dir)/mk/ta_dyn.ld
ta-ldflags += -no-pie -Wl,-z,now -Wl,--hash-style=sysv
ifneq ($(ta-uses-dl),)
ta-ldflags += -Wl,--export-dynamic
endif
else
ta-ld-script := $(ta-dev-kit-dir)/mk/ta.ld
ta-ldflags += -static -no-pie
endif
ta-ldflags += -Wl,-T,$(ta-ld-script)
# libutee's versions of the C library functions it replaces (the allocator on the TA heap, the
# ends of a TA: assert, abort), named up front so that no library of the group, mbedTLS included,
# can pull picolibc's own (its allocator wants an sbrk arena a TA does not have).
ta-libc-own := malloc calloc realloc free memalign aligned_alloc posix_memalign \
	malloc_usable_size __assert_func abort
ta-ldflags += $(addprefix -Wl$(comma)-u$(comma),$(ta-libc-own))

# Read sub.mk from . and, recursively, from its subdirs-y. Sources and incdirs-y are relative
# to the sub.mk's directory; cflags-y, cppflags-y and aflags-y apply to that directory's files.
# gensrcs-y names generated sources, as in OP-TEE: for each name g, produce-g is the file made
# (relative to sub-dir-out, this directory's output directory), depends-g what it is made from
# and recipe-g the command, run from the TA directory; the file is then compiled like a source.
ta-srcs :=
ta-gen-srcs :=
ta-global-incdirs :=
cleanfiles :=
norm = $(patsubst ./%,%,$(1))
define ta-subdir
srcs-y :=
gensrcs-y :=
global-incdirs-y :=
incdirs-y :=
cflags-y :=
cppflags-y :=
aflags-y :=
subdirs-y :=
sub-dir-out := $(patsubst %/.,%,$(out-dir)/$(call norm,$(1)))
include $(1)/sub.mk
ta-global-incdirs += $$(call norm,$$(addprefix $(1)/,$$(global-incdirs-y)))
ta-incdirs-$(1) := $$(call norm,$$(addprefix $(1)/,$$(incdirs-y)))
$$(foreach s,$$(srcs-y),$$(eval $$(call ta-src,$(1),$$(s))))
$$(foreach g,$$(gensrcs-y),$$(eval $$(call ta-gensrc,$(1),$$(g))))
ta-subdirs-$(1) := $$(subdirs-y)
$$(foreach d,$$(ta-subdirs-$(1)),$$(eval $$(call ta-subdir,$(1)/$$(d))))
endef
define ta-src
ta-srcs += $(call norm,$(1)/$(2))
ta-flags-$(call norm,$(1)/$(2)) := $(cflags-y) $(cflags-$(2)-y) $(cppflags-y) \
	$(cppflags-$(2)-y) $(aflags-y) $(addprefix -I,$(call norm,$(addprefix $(1)/,$(incdirs-y))))
endef
define ta-gensrc
ta-gen-$(2) := $(sub-dir-out)/$(produce-$(2))
ta-gen-srcs += $$(ta-gen-$(2))
ta-flags-$$(ta-gen-$(2)) := $(cflags-y) $(cppflags-y) \
	$(addprefix -I,$(call norm,$(addprefix $(1)/,$(incdirs-y))))
ta-recipe-$$(ta-gen-$(2)) := $(recipe-$(2))
$$(ta-gen-$(2)): $(depends-$(2))
endef
$(eval $(call ta-subdir,.))

ta-cppflags += $(addprefix -I,$(ta-global-incdirs)) $(CPPFLAGS)
ta-cflags += $(CFLAGS)
ta-gen-objs := $(addsuffix .o,$(basename $(ta-gen-srcs)))
ta-objs := $(addprefix $(out-dir)/,$(addsuffix .o,$(basename $(ta-srcs)))) $(ta-gen-objs)

ifneq ($(LIBNAME),)
# A static library: the objects, archived; no header, no link, no signature.
lib := $(out-dir)/lib$(LIBNAME).a
all: $(lib)

$(lib): $(ta-objs)
	@echo "  AR      $@"
	$(q)rm -f $@ && $(CROSS_COMPILE_TA)ar rcs $@ $^

clean:
	@echo "  CLEAN   $(out-dir)"
	$(q)rm -f $(ta-objs) $(ta-objs:.o=.d) $(ta-gen-srcs) $(cleanfiles) $(lib)
else ifneq ($(SHLIBNAME),)
# A shared TA library: linked at 0, its undefined symbols left to the TA that loads it (its
# libutee and C library: one heap, one log), libgcc's helpers its own.
so := $(out-dir)/$(SHLIBNAME).so
so-stripped := $(out-dir)/$(SHLIBNAME).stripped.so
signed := $(out-dir)/$(SHLIBUUID).ta
sign-in := $(so-stripped)
sign-name := $(SHLIBUUID)
all: $(signed)

$(so): $(ta-objs) $(libdeps)
	@echo "  LD      $@"
	$(q)$(ta-cc) -nostdlib -shared -Wl,--soname=$(SHLIBUUID) -Wl,--hash-style=sysv \
		-Wl,-z,now -Wl,--build-id=none -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack \
		-Wl,--gc-sections $(ta-objs) $(addprefix -L,$(libdirs)) \
		$(addprefix -l,$(libnames)) $(LDADD) -lgcc -o $@

$(so-stripped): $(so)
	@echo "  STRIP   $@"
	$(q)$(ta-objcopy) --strip-unneeded $< $@

clean:
	@echo "  CLEAN   $(out-dir)"
	$(q)rm -f $(ta-objs) $(ta-objs:.o=.d) $(ta-gen-srcs) $(cleanfiles) $(so) $(so-stripped) \
		$(signed)
else
# user_ta_header_defines.h: in the TA's directory or in one of its include directories, the
# ones user_ta_header.c is compiled with (the global ones and the top directory's incdirs-y).
ta-header-incdirs := . $(ta-global-incdirs) $(ta-incdirs-.)
ta-header-defines := $(firstword \
	$(wildcard $(addsuffix /user_ta_header_defines.h,$(ta-header-incdirs))))
ifeq ($(ta-header-defines),)
$(error user_ta_header_defines.h not found in $(CURDIR) nor in its include directories \
	($(ta-header-incdirs)): every TA needs one)
endif
ta-header-obj := $(out-dir)/user_ta_header.o
ta-uuid-octets := $(shell echo '$(BINARY)' | tr -d - | sed 's/../0x&,/g; s/,$$//')

libdirs += $(ta-dev-kit-dir)/lib
libdeps += $(ta-dev-kit-dir)/lib/libutee.a $(ta-dev-kit-dir)/lib/libc.a
# LDADD: extra link arguments, as in OP-TEE (-L<dir> -l<name> of static libraries).
# libmbedtls.a: TAs name it in libnames, as with OP-TEE; libutee's arithmetical API (TEE_BigInt*)
# is built on its bignum module, so it is in the group whenever the kit has it (CFG_TA_MBEDTLS).
ifeq ($(CFG_TA_MBEDTLS),y)
ta-kit-libs := -lutee -lmbedtls
libdeps += $(ta-dev-kit-dir)/lib/libmbedtls.a
else
ta-kit-libs := -lutee
endif
# The C library (libc.a, libm.a: picolibc) after libutee, which supplies its system side
# (malloc on the TA heap, stdout to the TA log...) and so is searched first; libgcc (compiler
# support routines) in the same group, as each needs the other.
ta-libs := $(addprefix -L,$(libdirs)) -Wl,--start-group $(addprefix -l,$(libnames)) $(LDADD) \
	$(ta-kit-libs) -lc -lm -lgcc -Wl,--end-group

elf := $(out-dir)/$(BINARY).elf
stripped := $(out-dir)/$(BINARY).stripped.elf
signed := $(out-dir)/$(BINARY).ta
sign-in := $(stripped)
sign-name := $(BINARY)

all: $(signed)
endif

$(out-dir)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(q)$(ta-cc) $(ta-cflags) $(ta-cppflags) $(ta-flags-$<) -MMD -MP -c $< -o $@

$(ta-gen-srcs):
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(q)$(ta-recipe-$@)

$(filter %.o,$(ta-gen-srcs:.c=.o)): %.o: %.c
	@echo "  CC      $@"
	$(q)$(ta-cc) $(ta-cflags) $(ta-cppflags) $(ta-flags-$<) -MMD -MP -c $< -o $@

$(out-dir)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $@"
	$(q)$(ta-cc) $(ta-cflags) $(ta-cppflags) -D__ASSEMBLER__ $(ta-flags-$<) -MMD -MP -c $< -o $@

ifneq ($(BINARY),)
# Always optimised: that is how ta_uuid_matches_binary() checks BINARY against TA_UUID.
$(ta-header-obj): $(ta-dev-kit-dir)/src/user_ta_header.c $(ta-header-defines)
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(q)$(ta-cc) $(ta-cflags) $(ta-cppflags) $(addprefix -I,$(ta-incdirs-.)) -O2 \
		'-DTA_UUID_OCTETS=$(ta-uuid-octets)' -MMD -MP -c $< -o $@

$(elf): $(ta-objs) $(ta-header-obj) $(libdeps) $(ta-ld-script)
	@echo "  LD      $@"
	$(q)$(ta-cc) $(ta-ldflags) $(ta-objs) $(ta-header-obj) $(ta-libs) -o $@

$(stripped): $(elf)
	@echo "  STRIP   $@"
	$(q)$(ta-objcopy) --strip-unneeded $< $@

clean:
	@echo "  CLEAN   $(out-dir)"
	$(q)rm -f $(ta-objs) $(ta-objs:.o=.d) $(ta-gen-srcs) $(cleanfiles) $(ta-header-obj) \
		$(ta-header-obj:.o=.d) $(elf) \
		$(stripped) $(signed) $(out-dir)/$(BINARY).map
endif

ifeq ($(LIBNAME),)
# Signed with the real tool when there is one; until then the unsigned ELF is what there is,
# and the trusted OS will refuse it.
$(signed): $(sign-in) $(wildcard $(TA_SIGN)) FORCE
	$(q)if [ -x "$(TA_SIGN)" ]; then \
		if [ ! -f "$(TA_SIGN_KEY)" ]; then \
			echo "error: TA signing key $(TA_SIGN_KEY) not found (set TA_SIGN_KEY)" >&2; \
			exit 1; \
		fi; \
		if [ ! -f $@ ] || [ $@ -ot $< ] || [ $@ -ot "$(TA_SIGN)" ] || \
		   [ $@ -ot "$(TA_SIGN_KEY)" ]; then \
			echo "  SIGN    $@"; \
			"$(TA_SIGN)" --key "$(TA_SIGN_KEY)" --in $< --out $@ || { rm -f $@; exit 1; }; \
		fi; \
	else \
		rm -f $@; \
		echo "warning: $(TA_SIGN) not found: $(sign-name) left unsigned as $(sign-in)" \
			"(no $(notdir $@); set TA_SIGN to the signing tool)" >&2; \
	fi

.PHONY: FORCE
FORCE:
endif

-include $(ta-objs:.o=.d) $(ta-header-obj:.o=.d)
