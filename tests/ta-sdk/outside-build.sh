#!/usr/bin/env bash
# A TA built from outside the tree with the exported dev kit, the way TA authors build: the peer
# TA copied to a temporary directory, `make TA_DEV_KIT_DIR=build/ta_dev_kit`. Checks the ELF
# (static ET_EXEC, ta_head first at TA_IMAGE_BASE, entry = ta_head.entry, no W+X segment, no
# dynamic section), shared TA libraries and a TA linked with one, the signing rule (through a stand-in tool that records its arguments) and
# the unsigned fall-back. Prints "ta-sdk: NAME: ok|FAILED why"; exit status 1 if any failed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
kit=${TA_DEV_KIT_DIR:-$top/build/ta_dev_kit}
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}
readelf=${cross}readelf
uuid=5ee1c0de-7a11-4e57-9a6e-706565720000
failed=0

ok() { echo "ta-sdk: $1: ok"; }
bad() {
	echo "ta-sdk: $1: FAILED $2"
	failed=1
}

if [[ ! -f $kit/mk/ta_dev_kit.mk ]]; then
	bad outside-build "no dev kit at $kit (make ta_dev_kit)"
	exit 1
fi
base=$(sed -n 's/^#define TA_IMAGE_BASE \(0x[0-9a-fA-F]*\)UL.*/\1/p' "$top/include/rampart/ta_abi.h")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$top/ta/include" "$top/ta/rampart_peer" "$tmp/"
ta=$tmp/rampart_peer

# A stand-in signing tool: records how it was called and copies the ELF.
cat >"$tmp/sign" <<'SIGN'
#!/bin/sh
echo "$@" >"$(dirname "$0")/sign.args"
while [ $# -gt 0 ]; do
	case $1 in --in) in=$2 ;; --out) out=$2 ;; esac
	shift 2
done
cp "$in" "$out"
SIGN
chmod +x "$tmp/sign"
echo key >"$tmp/key.pem"

if ! make -C "$ta" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" TA_SIGN="$tmp/sign" \
	TA_SIGN_KEY="$tmp/key.pem" >"$tmp/build.log" 2>&1; then
	cat "$tmp/build.log"
	bad outside-build "make failed"
	exit 1
fi
ok outside-build

elf=$ta/$uuid.elf
hdr=$($readelf -hW "$elf")
grep -q 'Type: *EXEC' <<<"$hdr" && grep -q 'Machine: *AArch64' <<<"$hdr" &&
	ok elf-type || bad elf-type "not an AArch64 ET_EXEC"

head_addr=$($readelf -SW "$elf" | sed -n 's/.*\.ta_head *PROGBITS *\([0-9a-f]*\).*/0x\1/p')
first_load=$($readelf -lW "$elf" | awk '$1 == "LOAD" { print $3; exit }')
if [[ -n $head_addr ]] && ((head_addr == base)) && ((first_load == base)); then
	ok ta-head-at-base
else
	bad ta-head-at-base ".ta_head at ${head_addr:-none}, first PT_LOAD at ${first_load:-none}, want $base"
fi

# ta_head: magic "RAMP" (0x52414d50), flags, the UUID octets, entry (little endian).
hex=$($readelf -x .ta_head "$elf" | awk '/^  0x/ { print $2 $3 $4 $5 }' | tr -d '\n')
entry=$($readelf -hW "$elf" | awk '/Entry point address/ { print $4 }')
le64() { echo "$1" | sed 's/../& /g' | awk '{ for (i = NF; i > 0; i--) printf "%s", $i }'; }
if [[ ${hex:0:8} == 504d4152 && ${hex:16:32} == "${uuid//-/}" ]] &&
	(("0x$(le64 "${hex:48:16}")" == entry)); then
	ok ta-head-contents
else
	bad ta-head-contents "magic/uuid/entry wrong: $hex (ELF entry $entry)"
fi

loads=$($readelf -lW "$elf" | awk '$1 == "LOAD"')
if [[ $(wc -l <<<"$loads") -ge 3 ]] && ! awk '{ f = $(NF - 1) $(NF - 2) } f ~ /W/ && f ~ /E/' \
	<<<"$loads" | grep -q .; then
	ok no-wx-segment
else
	bad no-wx-segment "segments: $loads"
fi

# Every segment page aligned and inside the image window [TA_IMAGE_BASE, + TA_IMAGE_MAX).
max=$(sed -n 's/^#define TA_IMAGE_MAX \(0x[0-9a-fA-F]*\)UL.*/\1/p' "$top/include/rampart/ta_abi.h")
outside=
while read -r _ _ vaddr _ _ memsz _; do
	if ((vaddr % 4096 || vaddr < base || vaddr + memsz > base + max)); then
		outside+="$vaddr+$memsz "
	fi
done <<<"$loads"
[[ -z $outside ]] && ok segments-in-window || bad segments-in-window "$outside"

if $readelf -dW "$elf" | grep -q 'no dynamic section' && ! $readelf -lW "$elf" |
	grep -qE 'INTERP|DYNAMIC'; then
	ok static
else
	bad static "dynamic section or interpreter present"
fi

if [[ -f $ta/$uuid.ta ]] && grep -qx -- "--key $tmp/key.pem --in $ta/$uuid.stripped.elf --out $ta/$uuid.ta" \
	"$tmp/sign.args"; then
	ok signing-rule
else
	bad signing-rule "$(cat "$tmp/sign.args" 2>/dev/null || echo 'tool not run')"
fi

make -C "$ta" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" clean >/dev/null 2>&1
make -C "$ta" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" TA_SIGN="$tmp/no-such-tool" \
	>"$tmp/unsigned.log" 2>&1
if [[ -f $elf && ! -f $ta/$uuid.ta ]] && grep -q "warning: .*no-such-tool not found" "$tmp/unsigned.log"; then
	ok unsigned-fallback
else
	bad unsigned-fallback "$(tail -3 "$tmp/unsigned.log")"
fi

# The make code's refusals: a BINARY that is not the TA_UUID stops the build.
if ! make -C "$ta" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" O="$tmp/wrong" \
	BINARY=5ee1c0de-7a11-4e57-9a6e-706565720001 >"$tmp/wrong.log" 2>&1 &&
	grep -q "BINARY in the TA's Makefile is not the TA_UUID" "$tmp/wrong.log"; then
	ok uuid-mismatch-refused
else
	bad uuid-mismatch-refused "built anyway"
fi

# An OP-TEE-style layout: user_ta_header_defines.h under include/ (found through
# global-incdirs-y), a static library built by its own directory (LIBNAME=) and linked into the
# TA (libnames/libdirs), a generated source (gensrcs-y), and the headers TAs written for OP-TEE
# include.
lay=$tmp/layout
mkdir -p "$lay/lib/include" "$lay/ta/include" "$lay/libout" "$lay/taout"
cat >"$lay/lib/Makefile" <<'MAKEFILE'
LIBNAME = mixer
include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
MAKEFILE
printf '%s\n' 'global-incdirs-y += include' 'srcs-y += mixer.c' >"$lay/lib/sub.mk"
cat >"$lay/lib/include/mixer.h" <<'HEADER'
#include <stdint.h>
uint32_t mixer_mix(uint32_t a, uint32_t b);
HEADER
cat >"$lay/lib/mixer.c" <<'SOURCE'
#include <mixer.h>
uint32_t mixer_mix(uint32_t a, uint32_t b)
{
	return (a << 5) ^ (b * 2654435761u);
}
SOURCE
cat >"$lay/ta/Makefile" <<MAKEFILE
BINARY = 5ee1c0de-7a11-4e57-9a6e-6c61796f7574
libnames += mixer
libdirs += $lay/libout
libdeps += $lay/libout/libmixer.a
include \$(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
MAKEFILE
cat >"$lay/ta/sub.mk" <<'SUBMK'
global-incdirs-y += include ../lib/include
srcs-y += layout_ta.c
gensrcs-y += answer
produce-answer = answer.c
depends-answer := answer.txt
recipe-answer := sed 's/.*/unsigned int layout_answer(void) { return &; }/' answer.txt \
	>$(sub-dir-out)/answer.c
SUBMK
echo 42 >"$lay/ta/answer.txt"
cat >"$lay/ta/include/user_ta_header_defines.h" <<'HEADER'
#include <stdint.h>
#define TA_UUID { 0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x6c, 0x61, 0x79, 0x6f, 0x75, 0x74 } }
#define TA_FLAGS 0
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (8 * 1024)
HEADER
cat >"$lay/ta/layout_ta.c" <<'SOURCE'
#include <atomic.h>
#include <mixer.h>
#include <pta_system.h>
#include <tee_api.h>
#include <tee_ta_api.h>
#include <utee_defines.h>
#include <util.h>

#ifdef CFG_SYSTEM_PTA
#error "conf.h says the trusted OS has OP-TEE's system PTA"
#endif

unsigned int layout_answer(void); /* generated from answer.txt */
static volatile uint32_t calls;
static const TEE_UUID system_pta = PTA_SYSTEM_UUID;

TEE_Result TA_CreateEntryPoint(void) { return TEE_SUCCESS; }
void TA_DestroyEntryPoint(void) {}
TEE_Result TA_OpenSessionEntryPoint(uint32_t t, TEE_Param p[4], void **s) { return TEE_SUCCESS; }
void TA_CloseSessionEntryPoint(void *s) {}
TEE_Result TA_InvokeCommandEntryPoint(void *s, uint32_t cmd, uint32_t t, TEE_Param p[4])
{
	p[0].value.a = mixer_mix(atomic_inc32(&calls), MIN(cmd, (uint32_t)BIT(4))) +
		       TEE_SHA256_HASH_SIZE + ARRAY_SIZE(system_pta.clockSeqAndNode) + layout_answer();
	return TEE_SUCCESS;
}
SOURCE
mk() {
	make -C "$1" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" TA_SIGN="$tmp/sign" \
		TA_SIGN_KEY="$tmp/key.pem" "${@:2}"
}
if mk "$lay/lib" O="$lay/libout" >"$tmp/lib.log" 2>&1 && [[ -f $lay/libout/libmixer.a ]] &&
	"${cross}nm" "$lay/libout/libmixer.a" | grep -q ' T mixer_mix$'; then
	ok static-library
else
	bad static-library "$(tail -3 "$tmp/lib.log")"
fi
lelf=$lay/taout/5ee1c0de-7a11-4e57-9a6e-6c61796f7574.elf
if mk "$lay/ta" O="$lay/taout" >"$tmp/layout.log" 2>&1 &&
	"${cross}nm" "$lelf" | grep -q ' T mixer_mix$'; then
	ok header-in-include-dir-and-library-linked
else
	bad header-in-include-dir-and-library-linked "$(tail -3 "$tmp/layout.log")"
fi
if grep -qx 'unsigned int layout_answer(void) { return 42; }' "$lay/taout/answer.c" 2>/dev/null &&
	"${cross}nm" "$lelf" | grep -q ' T layout_answer$'; then
	ok generated-source
else
	bad generated-source "$(grep -m1 -i error "$tmp/layout.log")"
fi

# A TA whose user_ta_header_defines.h is nowhere in its include directories is named as such.
mv "$lay/ta/include/user_ta_header_defines.h" "$lay/ta/defines.h.away"
if ! mk "$lay/ta" O="$lay/taout" >"$tmp/noheader.log" 2>&1 &&
	grep -q "user_ta_header_defines.h not found in .* nor in its include directories" \
		"$tmp/noheader.log"; then
	ok missing-header-named
else
	bad missing-header-named "$(tail -3 "$tmp/noheader.log")"
fi
mv "$lay/ta/defines.h.away" "$lay/ta/include/user_ta_header_defines.h"

# Shared TA libraries, as OP-TEE's kit builds them: SHLIBNAME/SHLIBUUID make lib<name>.so
# (ET_DYN, position independent, DT_SONAME its UUID) and <uuid>.ta, signed; a TA linking it
# with -l<name> names it in DT_NEEDED, with -ldl it is dynamic and exports its symbols; a TA
# with neither stays static (above). SHLIBNAME without SHLIBUUID is refused with the reason.
shuuid=5ee1c0de-7a11-4e57-9a6e-73686c696200
mkdir -p "$lay/shlib" "$lay/shout" "$lay/shta"
# shellcheck disable=SC2016 # make syntax, for make to expand
printf '%s\n' 'SHLIBNAME = libmixdl' "SHLIBUUID = $shuuid" \
	'include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk' >"$lay/shlib/Makefile"
printf '%s\n' 'srcs-y += mixdl.c' >"$lay/shlib/sub.mk"
cat >"$lay/shlib/mixdl.c" <<'SOURCE'
extern int ta_side;
static const int *const where = &ta_side;
int mixdl_get(void) { return *where + 1; }
SOURCE
so=$lay/shout/libmixdl.so
if mk "$lay/shlib" O="$lay/shout" >"$tmp/shlib.log" 2>&1 && [[ -f $so && -f $lay/shout/$shuuid.ta ]] &&
	$readelf -hW "$so" | grep -q 'Type: *DYN' &&
	$readelf -dW "$so" | grep -q "(SONAME).*\[$shuuid\]" &&
	grep -q -- "--in $lay/shout/libmixdl.stripped.so" "$tmp/sign.args"; then
	ok shared-library
else
	bad shared-library "$(tail -3 "$tmp/shlib.log")"
fi
cp "$lay/ta/include/user_ta_header_defines.h" "$lay/shta/"
cat >"$lay/shta/Makefile" <<MAKEFILE
BINARY = 5ee1c0de-7a11-4e57-9a6e-6c61796f7574
LDADD = -L$lay/shout -lmixdl -ldl
include \$(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
MAKEFILE
printf '%s\n' 'srcs-y += shta.c' >"$lay/shta/sub.mk"
cat >"$lay/shta/shta.c" <<'SOURCE'
#include <dlfcn.h>
#include <link.h>
#include <tee_ta_api.h>
int ta_side = 41;
int mixdl_get(void);
static int count(struct dl_phdr_info *i, size_t s, void *d) { return ++*(int *)d == 99; }
TEE_Result TA_CreateEntryPoint(void) { return TEE_SUCCESS; }
void TA_DestroyEntryPoint(void) {}
TEE_Result TA_OpenSessionEntryPoint(uint32_t t, TEE_Param p[4], void **s) { return TEE_SUCCESS; }
void TA_CloseSessionEntryPoint(void *s) {}
TEE_Result TA_InvokeCommandEntryPoint(void *s, uint32_t cmd, uint32_t t, TEE_Param p[4])
{
	int n = 0;
	void *h = dlopen("5ee1c0de-7a11-4e57-9a6e-73686c696200", RTLD_NOW);

	p[0].value.a = mixdl_get() + (h && dlsym(h, "mixdl_get")) + dl_iterate_phdr(count, &n);
	return dlerror() ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}
SOURCE
shelf=$lay/shta/out/5ee1c0de-7a11-4e57-9a6e-6c61796f7574.elf
if mk "$lay/shta" O="$lay/shta/out" >"$tmp/shta.log" 2>&1 && [[ -f $shelf ]] &&
	$readelf -hW "$shelf" | grep -q 'Type: *EXEC' &&
	$readelf -dW "$shelf" | grep -q "(NEEDED).*\[$shuuid\]" &&
	$readelf -lW "$shelf" | grep -q DYNAMIC && ! $readelf -lW "$shelf" | grep -q INTERP &&
	$readelf --dyn-syms -W "$shelf" | grep -q ' ta_side$' &&
	"${cross}nm" "$shelf" | grep -q ' T dlopen$'; then
	ok ta-linked-with-shared-library
else
	bad ta-linked-with-shared-library "$(tail -3 "$tmp/shta.log")"
fi
mkdir -p "$lay/nouuid"
# shellcheck disable=SC2016 # make syntax, for make to expand
printf '%s\n' 'SHLIBNAME = libnouuid' 'include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk' \
	>"$lay/nouuid/Makefile"
: >"$lay/nouuid/sub.mk"
if ! mk "$lay/nouuid" >"$tmp/nouuid.log" 2>&1 &&
	grep -q "SHLIBNAME=libnouuid needs SHLIBUUID" "$tmp/nouuid.log"; then
	ok shlibuuid-required
else
	bad shlibuuid-required "$(tail -3 "$tmp/nouuid.log")"
fi

# mbedTLS for TAs, as OP-TEE's dev kit ships it: a TA that names it in libnames and includes its
# headers (the kit's configuration comes with <mbedtls/...>) links the kit's libmbedtls.a, X.509
# included (optee_test's crypt TA parses and writes certificates); the GP arithmetical API
# comes with libutee.
mt=$tmp/mbedtls_ta
mkdir -p "$mt/out"
cat >"$mt/Makefile" <<'MAKEFILE'
BINARY = 5ee1c0de-7a11-4e57-9a6e-6d6265647400
libnames += mbedtls
include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
MAKEFILE
echo 'srcs-y += mbedtls_ta.c' >"$mt/sub.mk"
cat >"$mt/user_ta_header_defines.h" <<'HEADER'
#define TA_UUID { 0x5ee1c0de, 0x7a11, 0x4e57, { 0x9a, 0x6e, 0x6d, 0x62, 0x65, 0x64, 0x74, 0x00 } }
#define TA_FLAGS 0
#define TA_STACK_SIZE (4 * 1024)
#define TA_DATA_SIZE (32 * 1024)
HEADER
cat >"$mt/mbedtls_ta.c" <<'SOURCE'
#include <mbedtls/aes.h>
#include <mbedtls/bignum.h>
#include <mbedtls/gcm.h>
#include <mbedtls/sha256.h>
#include <mbedtls/x509_crt.h>
#include <tee_internal_api.h>

#ifndef CFG_TA_MBEDTLS
#error "conf.h does not say the dev kit has mbedTLS"
#endif

TEE_Result TA_CreateEntryPoint(void) { return TEE_SUCCESS; }
void TA_DestroyEntryPoint(void) {}
TEE_Result TA_OpenSessionEntryPoint(uint32_t t, TEE_Param p[4], void **s) { return TEE_SUCCESS; }
void TA_CloseSessionEntryPoint(void *s) {}
TEE_Result TA_InvokeCommandEntryPoint(void *s, uint32_t cmd, uint32_t t, TEE_Param p[4])
{
	unsigned char digest[32];
	mbedtls_gcm_context gcm;
	mbedtls_mpi x;
	mbedtls_x509_crt crt;
	TEE_BigInt b[TEE_BigIntSizeInU32(64)];

	mbedtls_sha256_ret((const unsigned char *)"abc", 3, digest, 0);
	mbedtls_gcm_init(&gcm);
	mbedtls_gcm_free(&gcm);
	mbedtls_mpi_init(&x);
	mbedtls_mpi_lset(&x, cmd);
	p[0].value.a = digest[0] + mbedtls_mpi_bitlen(&x);
	mbedtls_mpi_free(&x);
	mbedtls_x509_crt_init(&crt);
	if (mbedtls_x509_crt_parse(&crt, digest, sizeof(digest)) == 0)
		return TEE_ERROR_GENERIC; /* a digest is no certificate */
	mbedtls_x509_crt_free(&crt);
	TEE_BigIntInit(b, TEE_BigIntSizeInU32(64));
	TEE_BigIntConvertFromS32(b, (int32_t)cmd);
	p[0].value.b = TEE_BigIntGetBitCount(b);
	return TEE_SUCCESS;
}
SOURCE
melf=$mt/out/5ee1c0de-7a11-4e57-9a6e-6d6265647400.elf
if mk "$mt" O="$mt/out" >"$tmp/mbedtls.log" 2>&1 &&
	"${cross}nm" "$melf" | grep -q ' T mbedtls_sha256_ret$' &&
	"${cross}nm" "$melf" | grep -q ' T TEE_BigIntGetBitCount$' &&
	"${cross}nm" "$melf" | grep -q ' T mbedtls_x509_crt_parse$' &&
	grep -q 'MBEDTLS_PLATFORM_CALLOC_MACRO' "$kit/include/mbedtls/config.h"; then
	ok mbedtls-libnames
else
	bad mbedtls-libnames "$(grep -m3 -i 'error\|undefined' "$tmp/mbedtls.log")"
fi

# The C library of the kit (picolibc): a TA laid out as optee_examples' hello_world (ta/ with
# include/<name>_ta.h), using <inttypes.h>, <stdio.h>, <string.h>, <stdlib.h> and friends with
# nothing but TA_DEV_KIT_DIR and CROSS_COMPILE; malloc must be libutee's (the TA heap), not the
# C library's sbrk() arena, and libm links as OP-TEE TAs name it (-lm).
lc=$tmp/libc_example/ta
mkdir -p "$lc/include"
cat >"$lc/Makefile" <<'MAKE'
BINARY = 8aaaf200-2450-11e4-abe2-0002a5d5c51b
LDADD += -lm
include $(TA_DEV_KIT_DIR)/mk/ta_dev_kit.mk
MAKE
printf '%s\n' 'global-incdirs-y += include' 'srcs-y += libc_example_ta.c' >"$lc/sub.mk"
cat >"$lc/include/libc_example_ta.h" <<'HEADER'
#define TA_LIBC_EXAMPLE_UUID \
	{ 0x8aaaf200, 0x2450, 0x11e4, { 0xab, 0xe2, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b } }
HEADER
cat >"$lc/user_ta_header_defines.h" <<'HEADER'
#include <libc_example_ta.h>
#define TA_UUID TA_LIBC_EXAMPLE_UUID
#define TA_FLAGS (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION)
#define TA_STACK_SIZE (2 * 1024)
#define TA_DATA_SIZE (32 * 1024)
HEADER
cat >"$lc/libc_example_ta.c" <<'SOURCE'
#include <assert.h>
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

TEE_Result TA_CreateEntryPoint(void) { return TEE_SUCCESS; }
void TA_DestroyEntryPoint(void) {}
TEE_Result TA_OpenSessionEntryPoint(uint32_t t, TEE_Param p[4], void **s) { return TEE_SUCCESS; }
void TA_CloseSessionEntryPoint(void *s) {}
TEE_Result TA_InvokeCommandEntryPoint(void *s, uint32_t cmd, uint32_t t, TEE_Param p[4])
{
	char buf[32];
	int v[3] = { 3, 1, 2 };
	char *m = malloc(16);
	jmp_buf j;

	assert(cmd < INT_MAX);
	snprintf(buf, sizeof(buf), "%" PRIx64, (uint64_t)cmd);
	qsort(v, 3, sizeof(v[0]), cmp);
	printf("hello %s %lu %d\n", buf, strtoul("42", NULL, 0), toupper('a'));
	if (!setjmp(j))
		longjmp(j, 1);
	free(m);
	return strlen(buf) ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}
SOURCE
lelf=$tmp/libc_example/out/8aaaf200-2450-11e4-abe2-0002a5d5c51b.elf
if make -C "$lc" CROSS_COMPILE="$cross" TA_DEV_KIT_DIR="$kit" O="$tmp/libc_example/out" \
	TA_SIGN="$tmp/sign" TA_SIGN_KEY="$tmp/key.pem" >"$tmp/libc.log" 2>&1 &&
	[[ -f $lelf ]]; then
	ok libc-outside-ta
	lsyms=$(${cross}nm "$lelf")
	if grep -qw qsort <<<"$lsyms" && grep -qw printf <<<"$lsyms" &&
		grep -qw utee_stdio_flush <<<"$lsyms" && ! grep -qw sbrk <<<"$lsyms"; then
		ok libc-on-ta-heap-and-log
	else
		bad libc-on-ta-heap-and-log "qsort/printf/utee_stdio_flush missing or sbrk linked"
	fi
else
	bad libc-outside-ta "$(grep -m3 -E 'error|undefined' "$tmp/libc.log")"
fi

# host_include: a host program built as xtest is (conf.mk in its Makefile, -include conf.h),
# which checks that conf.h defines exactly the switches conf.mk sets to y.
hc=$tmp/host
mkdir -p "$hc"
awk -F= '/^CFG_[A-Z0-9_]+=[yn]$/ {
	if ($2 == "y") printf "#ifndef %s\n#error %s=y in conf.mk, undefined in conf.h\n#endif\n", $1, $1
	else printf "#ifdef %s\n#error %s=n in conf.mk, defined in conf.h\n#endif\n", $1, $1
	n++
} END { printf "#include <stdio.h>\nint main(void) { printf(\"%d switches\\n\"); return 0; }\n", n }' \
	"$kit/host_include/conf.mk" >"$hc/conf_check.c"
# shellcheck disable=SC2016 # make syntax, for make to expand
printf '%s\n' 'include $(TA_DEV_KIT_DIR)/host_include/conf.mk' 'conf_check: conf_check.c' \
	'	$(CC) -I$(TA_DEV_KIT_DIR)/host_include -include conf.h -Wall -Werror $(DEFS) $< -o $@' \
	'DEFS := -DSECURE_DATA_PATH_$(CFG_SECURE_DATA_PATH)' >"$hc/Makefile"
if make -C "$hc" TA_DEV_KIT_DIR="$kit" CC="${HOST_CC:-cc}" >"$tmp/host.log" 2>&1 &&
	grep -q -- "-DSECURE_DATA_PATH_[yn] " "$tmp/host.log" &&
	n=$("$hc/conf_check") && [[ $n =~ ^[1-9][0-9]*\ switches$ ]]; then
	ok host-include-conf
else
	bad host-include-conf "$(tail -3 "$tmp/host.log")"
fi
exit $failed
