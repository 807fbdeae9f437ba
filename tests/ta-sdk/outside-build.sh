#!/usr/bin/env bash
# A TA built from outside the tree with the exported dev kit, the way TA authors build: the peer
# TA copied to a temporary directory, `make TA_DEV_KIT_DIR=build/ta_dev_kit`. Checks the ELF
# (static ET_EXEC, ta_head first at TA_IMAGE_BASE, entry = ta_head.entry, no W+X segment, no
# dynamic section), the signing rule (through a stand-in tool that records its arguments) and
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
exit $failed
