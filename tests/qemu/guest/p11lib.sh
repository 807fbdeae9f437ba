#!/bin/sh
# Steps of the PKCS#11 guest scripts (pkcs11.sh, pkcs11-vm.sh): opensc's pkcs11-tool on the
# token through Debian's libckteec0, each check a rampart-check line (lib.sh's ok/failed), the
# failure paths by the PKCS#11 return code pkcs11-tool prints. Sourced after lib.sh; not a test
# of its own.

module=/usr/lib/aarch64-linux-gnu/libckteec.so.0
out=/tmp/p11.out

# p11 ARGS...: pkcs11-tool on the token; its output in $out (and on the console).
# P11ENV=CKTEEC_LOGIN_TYPE=user: the token of the caller's uid.
p11() {
	# shellcheck disable=SC2086 # P11ENV is a list of words
	env ${P11ENV:-} pkcs11-tool --module "$module" "$@" >"$out" 2>&1
	st=$?
	sed 's/^/pkcs11-tool: /' "$out"
	return $st
}
# expect NAME RV ARGS...: pkcs11-tool fails, naming the PKCS#11 return value RV.
expect() {
	name=$1 rv=$2
	shift 2
	if p11 "$@"; then
		failed "$name" "succeeded, $rv expected"
	elif grep -q "rv = $rv " "$out"; then
		ok "$name"
	else
		failed "$name" "not $rv: $(grep -m1 'rv = ' "$out")"
	fi
}
# works NAME ARGS...: pkcs11-tool succeeds.
works() {
	name=$1
	shift
	if p11 "$@"; then ok "$name"; else failed "$name" "$(grep -m1 'rv = \|error' "$out")"; fi
}
# fails NAME TEXT ARGS...: pkcs11-tool fails, its output has TEXT
fails() {
	name=$1 text=$2
	shift 2
	if p11 "$@"; then
		failed "$name" "succeeded"
	elif grep -q -- "$text" "$out"; then
		ok "$name"
	else
		failed "$name" "no '$text': $(grep -m1 'rv = \|rror' "$out")"
	fi
}
# has_out NAME TEXT: the last pkcs11-tool output has TEXT
has_out() {
	if grep -q -- "$2" "$out"; then ok "$1"; else failed "$1" "no '$2'"; fi
}
# lacks_out NAME TEXT: the last pkcs11-tool output has no TEXT
lacks_out() {
	if grep -q -- "$2" "$out"; then failed "$1" "'$2' there"; else ok "$1"; fi
}
# export_hex NAME FILE: the file in hex on the console, for the host to check independently
export_hex() {
	echo "p11-export: $1 $(od -An -v -tx1 "$2" | tr -d ' \n')"
}
# verified NAME ARGS...: pkcs11-tool --verify says the signature is valid
verified() {
	name=$1
	shift
	p11 --verify "$@"
	if grep -q 'Signature is valid' "$out"; then ok "$name"; else failed "$name" "$(tail -n1 "$out")"; fi
}
# refused NAME ARGS...: pkcs11-tool --verify says the signature is invalid
refused() {
	name=$1
	shift
	p11 --verify "$@"
	if grep -q 'Invalid signature\|CKR_SIGNATURE_INVALID' "$out"; then ok "$name"; else failed "$name" "$(tail -n1 "$out")"; fi
}
# flags NAME WANT [NOT]: the token's flags line of --list-slots has WANT (and not NOT).
flags() {
	p11 --list-slots
	line=$(grep 'token flags' "$out")
	case "$line" in
	*"$2"*) ;;
	*) failed "$1" "no '$2' in: $line"; return ;;
	esac
	if [ -n "$3" ]; then
		case "$line" in
		*"$3"*) failed "$1" "'$3' in: $line"; return ;;
		esac
	fi
	ok "$1"
}
