#!/bin/sh
# The PKCS#11 token (docs/pkcs11.md) through Debian's unmodified clients: opensc's pkcs11-tool
# with libckteec0 as its module, each step a rampart-check line; the failure paths by the
# PKCS#11 return code pkcs11-tool prints. tests/qemu/baremetal.d/pkcs11.sh boots this twice on
# one disk: rampart.pkcs11=second checks what the first boot left in trusted storage.
. /usr/share/rampart/tests/lib.sh

phase=first
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.pkcs11=*) phase=${arg#*=} ;;
	esac
done

module=/usr/lib/aarch64-linux-gnu/libckteec.so.0
out=/tmp/p11.out
so=87654321

# p11 ARGS...: pkcs11-tool on the token; its output in $out (and on the console).
p11() {
	pkcs11-tool --module "$module" "$@" >"$out" 2>&1
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

if [ "$phase" = second ]; then
	# What the first boot stored: the label, the changed user PIN, one failure counted.
	p11 --list-slots
	if grep -q 'token label *: rampart-p11' "$out"; then ok p11-kept-label; else failed p11-kept-label "$(grep 'token label' "$out")"; fi
	flags p11-kept-count-low "user PIN count low"
	works p11-kept-pin --login --pin 56785678 --list-token-slots
	expect p11-kept-old-pin-refused CKR_PIN_INCORRECT --login --pin 12341234 --list-token-slots
	echo "pkcs11: done"
	exit 0
fi

# The slot and its token before initialisation.
p11 --list-slots
if grep -q 'Rampart' "$out" && grep -q 'uninitialized' "$out"; then ok p11-slot-listed; else failed p11-slot-listed "no uninitialised Rampart token"; fi
expect p11-login-before-init CKR_USER_PIN_NOT_INITIALIZED --login --pin 12341234 --list-token-slots
expect p11-init-short-so-pin CKR_PIN_LEN_RANGE --init-token --label rampart-p11 --so-pin 123

# C_InitToken, then again: the SO PIN is needed, and a wrong one is counted.
works p11-init-token --init-token --label rampart-first --so-pin $so
p11 --list-slots
if grep -q 'token label *: rampart-first' "$out"; then ok p11-label; else failed p11-label "$(grep 'token label' "$out")"; fi
expect p11-reinit-wrong-so-pin CKR_PIN_INCORRECT --init-token --label rampart-p11 --so-pin 11111111
flags p11-so-count-low "SO PIN count low"
works p11-reinit-token --init-token --label rampart-p11 --so-pin $so
flags p11-reinit-clears "token initialized" "SO PIN count low"

# The user PIN: set by the SO, checked at login, locked after 3 wrong tries, unlocked by the SO.
expect p11-init-pin-wrong-so CKR_PIN_INCORRECT --init-pin --pin 12341234 --so-pin 22222222
expect p11-init-pin-short CKR_PIN_LEN_RANGE --init-pin --pin 12 --so-pin $so
works p11-init-pin --init-pin --pin 12341234 --so-pin $so
flags p11-pin-initialized "PIN initialized"
works p11-login --login --pin 12341234 --list-token-slots
expect p11-login-wrong CKR_PIN_INCORRECT --login --pin 99999999 --list-token-slots
flags p11-count-low "user PIN count low"
expect p11-login-wrong-2 CKR_PIN_INCORRECT --login --pin 99999999 --list-token-slots
flags p11-final-try "final user PIN try"
expect p11-login-locks CKR_PIN_LOCKED --login --pin 99999999 --list-token-slots
flags p11-locked "user PIN locked"
expect p11-locked-refuses-right-pin CKR_PIN_LOCKED --login --pin 12341234 --list-token-slots
works p11-so-unlocks --init-pin --pin 12341234 --so-pin $so
flags p11-unlocked "PIN initialized" "user PIN locked"
works p11-login-after-unlock --login --pin 12341234 --list-token-slots

# C_SetPIN: the old PIN is checked; the new one works, the old one no more.
expect p11-change-pin-wrong-old CKR_PIN_INCORRECT --change-pin --pin 00000000 --new-pin 56785678
expect p11-change-pin-short CKR_PIN_LEN_RANGE --change-pin --pin 12341234 --new-pin 12
works p11-change-pin --change-pin --pin 12341234 --new-pin 56785678
works p11-login-new-pin --login --pin 56785678 --list-token-slots
# The commands below pkcs11-tool: bad input, foreign handles, session states (tee-test).
P11_SO_PIN=$so P11_USER_PIN=56785678 tee-test pkcs11-abi
# Left as the last step: one failure, for the second boot to find counted.
expect p11-login-old-pin CKR_PIN_INCORRECT --login --pin 12341234 --list-token-slots
echo "pkcs11: done"
