#!/bin/sh
# The PKCS#11 token (docs/pkcs11.md) through Debian's unmodified clients: opensc's pkcs11-tool
# with libckteec0 as its module, each step a rampart-check line; the failure paths by the
# PKCS#11 return code pkcs11-tool prints. tests/qemu/baremetal.d/pkcs11.sh boots this twice on
# one disk: rampart.pkcs11=second checks what the first boot left in trusted storage.
. /usr/share/rampart/tests/lib.sh
. /usr/share/rampart/tests/p11lib.sh

phase=first
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.pkcs11=*) phase=${arg#*=} ;;
	esac
done

so=87654321

# ms: milliseconds since boot (for the timings the log keeps)
ms() {
	read -r up _ </proc/uptime
	echo $((${up%.*} * 1000 + 1${up#*.} * 10 - 1000)) # 1 before the hundredths: no octal
}
# timed NAME ARGS...: works NAME, and prints how long pkcs11-tool took
timed() {
	t0=$(ms)
	works "$@"
	echo "pkcs11-time: $1 $(($(ms) - t0)) ms"
}

pin=56785678
data=/tmp/p11-data
printf 'Rampart PKCS#11 token: data to sign\n' >$data
printf 'Rampart PKCS#11 token: data to sigN\n' >/tmp/p11-tampered
# A 32-byte "digest" for the mechanisms that sign their input as given (ECDSA, RSA-PKCS-PSS)
printf '0123456789abcdef0123456789abcdef' >/tmp/p11-digest

if [ "$phase" = second ]; then

	# What the first boot stored: the label, the changed user PIN, one failure counted.
	p11 --list-slots
	if grep -q 'token label *: rampart-p11' "$out"; then ok p11-kept-label; else failed p11-kept-label "$(grep 'token label' "$out")"; fi
	flags p11-kept-count-low "user PIN count low"
	works p11-kept-pin --login --pin 56785678 --list-token-slots
	expect p11-kept-old-pin-refused CKR_PIN_INCORRECT --login --pin 12341234 --list-token-slots
	# The keys the first boot made, found again in trusted storage
	p11 --login --pin 56785678 --list-objects
	has_out p11-kept-ec-privkey 'label: *ec-key'
	if [ "$(grep -c 'Private Key Object' "$out")" = 3 ]; then ok p11-kept-privkeys; else failed p11-kept-privkeys "$(grep -c 'Private Key Object' "$out") private keys"; fi
	has_out p11-kept-aes 'Secret Key Object; AES'
	has_out p11-kept-set-id 'ID: *44'
	lacks_out p11-kept-deleted-gone 'label: *doomed'
	works p11-kept-sign-ec --login --pin 56785678 --sign --id 01 -m ECDSA-SHA256 -i $data -o /tmp/s2
	verified p11-kept-verify-ec --id 01 -m ECDSA-SHA256 -i $data --signature-file /tmp/s2
	works p11-kept-sign-rsa --login --pin 56785678 --sign --id 02 -m SHA256-RSA-PKCS -i $data -o /tmp/s3
	verified p11-kept-verify-rsa --id 02 -m SHA256-RSA-PKCS -i $data --signature-file /tmp/s3
	export_hex kept-rsa-sig /tmp/s3
	p11 --list-objects
	lacks_out p11-kept-aes-private 'Secret Key Object'
	# A new token (C_InitToken again) has none of the old one's objects
	works p11-reinit-again --init-token --label rampart-new --so-pin $so
	works p11-reinit-user-pin --init-pin --pin 12341234 --so-pin $so
	p11 --login --pin 12341234 --list-objects
	lacks_out p11-reinit-erases-objects 'Object;'
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
# The SO PIN has 10 tries (nothing unlocks it): 3 wrong ones leave it usable, not locked.
expect p11-reinit-wrong-so-pin-2 CKR_PIN_INCORRECT --init-token --label rampart-p11 --so-pin 11111111
expect p11-reinit-wrong-so-pin-3 CKR_PIN_INCORRECT --init-token --label rampart-p11 --so-pin 11111111
flags p11-so-not-locked "SO PIN count low" "SO PIN locked"
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
# Objects and keys: a key pair of each kind, made in the token and used there.
L="--login --pin $pin"
p11 --list-mechanisms
has_out p11-mechanisms 'ECDSA-SHA256'
expect p11-keygen-no-login CKR_USER_NOT_LOGGED_IN --keypairgen --key-type EC:prime256v1 --id 09
timed p11-keygen-ec $L --keypairgen --key-type EC:prime256v1 --id 01 --label ec-key
timed p11-keygen-rsa $L --keypairgen --key-type rsa:2048 --id 02 --label rsa-key
timed p11-keygen-ec384 $L --keypairgen --key-type EC:secp384r1 --id 03 --label doomed
timed p11-keygen-ec521 $L --keypairgen --key-type EC:secp521r1 --id 04 --label ec521 --usage-derive
timed p11-keygen-rsa4096 $L --keypairgen --key-type rsa:4096 --id 05 --label rsa4096
works p11-sign-rsa4096 $L --sign --id 05 -m SHA512-RSA-PKCS-PSS -i $data -o /tmp/sig-4096
verified p11-verify-rsa4096 --id 05 -m SHA512-RSA-PKCS-PSS -i $data --signature-file /tmp/sig-4096
works p11-delete-rsa4096 $L --delete-object --type privkey --id 05
works p11-delete-rsa4096-pub $L --delete-object --type pubkey --id 05
works p11-keygen-aes $L --keygen --key-type AES:32 --id 10 --label aes-key --sensitive --private
p11 $L --list-objects
has_out p11-list-ec-pub 'EC_POINT 256 bits'
has_out p11-list-ec-priv 'Private Key Object; EC'
has_out p11-list-rsa-priv 'Private Key Object; RSA'
has_out p11-list-rsa-bits 'RSA 2048 bits'
has_out p11-list-aes 'Secret Key Object; AES length 32'
has_out p11-list-label 'label: *rsa-key'
has_out p11-list-sensitive 'Access: *sensitive'
# Logged out, the private objects are not there at all
p11 --list-objects
has_out p11-list-public-logged-out 'Public Key Object; EC'
lacks_out p11-list-no-private-logged-out 'Private Key Object'
lacks_out p11-list-no-secret-logged-out 'Secret Key Object'

# ECDSA: sign in the token, verify in the token, then out of it (the host, tests/qemu)
t0=$(ms)
works p11-sign-ecdsa-sha256 $L --sign --id 01 -m ECDSA-SHA256 -i $data -o /tmp/sig-ec
echo "pkcs11-time: p11-sign-ecdsa-sha256 $(($(ms) - t0)) ms"
if [ "$(wc -c </tmp/sig-ec)" -eq 64 ]; then ok p11-sig-ec-size; else failed p11-sig-ec-size "$(wc -c </tmp/sig-ec) bytes"; fi
verified p11-verify-ecdsa --id 01 -m ECDSA-SHA256 -i $data --signature-file /tmp/sig-ec
refused p11-verify-ecdsa-tampered --id 01 -m ECDSA-SHA256 -i /tmp/p11-tampered --signature-file /tmp/sig-ec
works p11-sign-ecdsa-raw $L --sign --id 01 -m ECDSA -i /tmp/p11-digest -o /tmp/sig-ec-raw
verified p11-verify-ecdsa-raw --id 01 -m ECDSA -i /tmp/p11-digest --signature-file /tmp/sig-ec-raw
works p11-read-ec-pub --read-object --type pubkey --id 01 -o /tmp/pub-ec.der
export_hex ec-pub /tmp/pub-ec.der
export_hex ec-sig /tmp/sig-ec
export_hex ec-raw-sig /tmp/sig-ec-raw

# RSA: PKCS#1 v1.5 with SHA-256, raw v1.5, PSS
t0=$(ms)
works p11-sign-rsa-sha256 $L --sign --id 02 -m SHA256-RSA-PKCS -i $data -o /tmp/sig-rsa
echo "pkcs11-time: p11-sign-rsa-sha256 $(($(ms) - t0)) ms"
if [ "$(wc -c </tmp/sig-rsa)" -eq 256 ]; then ok p11-sig-rsa-size; else failed p11-sig-rsa-size "$(wc -c </tmp/sig-rsa) bytes"; fi
verified p11-verify-rsa --id 02 -m SHA256-RSA-PKCS -i $data --signature-file /tmp/sig-rsa
refused p11-verify-rsa-tampered --id 02 -m SHA256-RSA-PKCS -i /tmp/p11-tampered --signature-file /tmp/sig-rsa
works p11-sign-rsa-raw $L --sign --id 02 -m RSA-PKCS -i $data -o /tmp/sig-rsa-raw
verified p11-verify-rsa-raw --id 02 -m RSA-PKCS -i $data --signature-file /tmp/sig-rsa-raw
works p11-sign-rsa-pss $L --sign --id 02 -m SHA256-RSA-PKCS-PSS -i $data -o /tmp/sig-pss
verified p11-verify-rsa-pss --id 02 -m SHA256-RSA-PKCS-PSS -i $data --signature-file /tmp/sig-pss
refused p11-verify-rsa-pss-tampered --id 02 -m SHA256-RSA-PKCS-PSS -i /tmp/p11-tampered --signature-file /tmp/sig-pss
works p11-sign-rsa-pss-raw $L --sign --id 02 -m RSA-PKCS-PSS --hash-algorithm SHA256 -i /tmp/p11-digest -o /tmp/sig-pss-raw
verified p11-verify-rsa-pss-raw --id 02 -m RSA-PKCS-PSS --hash-algorithm SHA256 -i /tmp/p11-digest --signature-file /tmp/sig-pss-raw
works p11-read-rsa-pub --read-object --type pubkey --id 02 -o /tmp/pub-rsa.der
export_hex rsa-pub /tmp/pub-rsa.der
export_hex rsa-sig /tmp/sig-rsa
export_hex rsa-raw-sig /tmp/sig-rsa-raw
export_hex rsa-pss-sig /tmp/sig-pss

# Failure paths (no login: tee-test pkcs11-abi, as pkcs11-tool asks for the PIN): a wrong PIN, no such key, a key not for signing, a sensitive value
expect p11-sign-wrong-pin CKR_PIN_INCORRECT --login --pin 00000000 --sign --id 01 -m ECDSA-SHA256 -i $data -o /tmp/x
fails p11-sign-no-such-key 'not found\|No private key' $L --sign --id 99 -m ECDSA-SHA256 -i $data -o /tmp/x
expect p11-sign-not-permitted CKR_KEY_FUNCTION_NOT_PERMITTED $L --sign --id 04 -m ECDSA-SHA512 -i $data -o /tmp/x
fails p11-read-secret-refused CKR_ATTRIBUTE_SENSITIVE $L --read-object --type secrkey --id 10 -o /tmp/x
expect p11-sign-wrong-mechanism CKR_KEY_TYPE_INCONSISTENT $L --sign --id 01 -m SHA256-RSA-PKCS -i $data -o /tmp/x

# CKA_ALWAYS_AUTHENTICATE: pkcs11-tool sees it and gives the PIN again for the signature
# (C_Login CKU_CONTEXT_SPECIFIC); without it the token signs nothing (tee-test pkcs11-abi)
works p11-keygen-always-auth $L --keypairgen --key-type EC:prime256v1 --id 0a --label always-auth --always-auth
p11 $L --list-objects --type privkey --id 0a
has_out p11-always-auth-listed 'always authenticate'
works p11-sign-always-auth $L --sign --id 0a -m ECDSA-SHA256 -i $data -o /tmp/sig-aa
verified p11-verify-always-auth --id 0a -m ECDSA-SHA256 -i $data --signature-file /tmp/sig-aa
works p11-delete-always-auth $L --delete-object --type privkey --id 0a
works p11-delete-always-auth-pub $L --delete-object --type pubkey --id 0a

# AES-CBC-PAD with the token's AES key: the round trip gives the data back
iv=000102030405060708090a0b0c0d0e0f
works p11-encrypt-aes $L --encrypt --id 10 -m AES-CBC-PAD --iv $iv -i $data -o /tmp/enc
works p11-decrypt-aes $L --decrypt --id 10 -m AES-CBC-PAD --iv $iv -i /tmp/enc -o /tmp/dec
if [ "$(wc -c </tmp/enc)" -eq 48 ] && cmp -s /tmp/dec $data; then ok p11-aes-round-trip; else failed p11-aes-round-trip "$(wc -c </tmp/enc) bytes, $(cmp /tmp/dec $data 2>&1)"; fi

# Random bytes (CKF_RNG) and digests, no login needed
flags p11-flag-rng "rng"
works p11-random --generate-random 32 -o /tmp/r1
works p11-random-again --generate-random 32 -o /tmp/r2
if [ "$(wc -c </tmp/r1)" -eq 32 ] && ! cmp -s /tmp/r1 /tmp/r2; then ok p11-random-differs; else failed p11-random-differs "$(wc -c </tmp/r1) bytes, same: $(cmp -s /tmp/r1 /tmp/r2 && echo yes)"; fi
works p11-digest-sha256 --hash -m SHA256 -i $data -o /tmp/h256
want=$(sha256sum $data | cut -d' ' -f1)
got=$(od -An -v -tx1 /tmp/h256 | tr -d ' \n')
if [ "$got" = "$want" ]; then ok p11-digest-is-sha256; else failed p11-digest-is-sha256 "$got, not $want"; fi
works p11-digest-sha512 --hash -m SHA512 -i $data -o /tmp/h512
want=$(sha512sum $data | cut -d' ' -f1)
got=$(od -An -v -tx1 /tmp/h512 | tr -d ' \n')
if [ "$got" = "$want" ]; then ok p11-digest-is-sha512; else failed p11-digest-is-sha512 "$got, not $want"; fi
works p11-digest-sha1 --hash -m SHA-1 -i $data -o /tmp/h1
want=$(sha1sum $data | cut -d' ' -f1)
got=$(od -An -v -tx1 /tmp/h1 | tr -d ' \n')
if [ "$got" = "$want" ]; then ok p11-digest-is-sha1; else failed p11-digest-is-sha1 "$got, not $want"; fi
works p11-digest-md5 --hash -m MD5 -i $data -o /tmp/hmd5
want=$(md5sum $data | cut -d' ' -f1)
got=$(od -An -v -tx1 /tmp/hmd5 | tr -d ' \n')
if [ "$got" = "$want" ]; then ok p11-digest-is-md5; else failed p11-digest-is-md5 "$got, not $want"; fi

# C_WrapKey and C_UnwrapKey (AES-ECB, AES-CBC-PAD): a key-encrypting key that only wraps, an
# extractable AES-256 key wrapped and unwrapped as a new token key, which encrypts as the first
# does and is not local; a key that is not extractable, a wrapping key without CKA_WRAP and a
# truncated wrapped key refused
works p11-keygen-kek $L --keygen --key-type AES:16 --id 20 --label kek --usage-wrap
works p11-keygen-wrappable $L --keygen --key-type AES:32 --id 21 --label wrappable --extractable \
	--usage-decrypt
works p11-wrap $L --wrap --id 20 --application-id 21 -m AES-ECB -o /tmp/wrapped
if [ "$(wc -c </tmp/wrapped)" -eq 32 ]; then ok p11-wrap-size; else failed p11-wrap-size "$(wc -c </tmp/wrapped) bytes"; fi
works p11-wrap-cbc-pad $L --wrap --id 20 --application-id 21 -m AES-CBC-PAD --iv $iv -o /tmp/wrapped-pad
if [ "$(wc -c </tmp/wrapped-pad)" -eq 48 ]; then ok p11-wrap-cbc-pad-size; else failed p11-wrap-cbc-pad-size "$(wc -c </tmp/wrapped-pad) bytes"; fi
expect p11-wrap-unextractable CKR_KEY_UNEXTRACTABLE $L --wrap --id 20 --application-id 10 \
	-m AES-ECB -o /tmp/wrapped-no
expect p11-wrap-without-cka-wrap CKR_WRAPPING_KEY_TYPE_INCONSISTENT $L --wrap --id 10 \
	--application-id 21 -m AES-ECB -o /tmp/wrapped-no
works p11-unwrap $L --unwrap --id 20 -m AES-ECB -i /tmp/wrapped --key-type AES:32 \
	--application-id 22 --extractable --usage-decrypt
has_out p11-unwrapped-listed 'Secret Key Object; AES length 32'
lacks_out p11-unwrapped-not-local 'Access:.*local'
head -c 47 /tmp/wrapped-pad >/tmp/wrapped-short
expect p11-unwrap-truncated CKR_WRAPPED_KEY_LEN_RANGE $L --unwrap --id 20 -m AES-CBC-PAD --iv $iv \
	-i /tmp/wrapped-short --key-type AES:32 --application-id 23 --extractable
head -c 32 /tmp/r1 >/tmp/p11-block2
works p11-encrypt-wrapped $L --encrypt --id 21 -m AES-ECB -i /tmp/p11-block2 -o /tmp/e21
works p11-encrypt-unwrapped $L --encrypt --id 22 -m AES-ECB -i /tmp/p11-block2 -o /tmp/e22
if [ "$(wc -c </tmp/e22)" -eq 32 ] && cmp -s /tmp/e21 /tmp/e22; then ok p11-unwrapped-same-key; else failed p11-unwrapped-same-key "$(wc -c </tmp/e22) bytes, $(cmp /tmp/e21 /tmp/e22 2>&1)"; fi
for k in 20 21 22; do
	works p11-delete-wrap-key-$k $L --delete-object --type secrkey --id $k
done

# C_DeriveKey by ECDH1-DERIVE: two P-256 key pairs of the token, each given the other's public
# key as pkcs11-tool --read-object writes it (a SubjectPublicKeyInfo), derive the same 32-byte
# secret, one side sending the point raw, the other DER-wrapped (--derive-pass-der); the P-521
# key's point for a P-256 key, and a key without CKA_DERIVE, are refused. The pairs go after,
# so that the second boot finds the token objects it counts.
works p11-keygen-ecdh-a $L --keypairgen --key-type EC:prime256v1 --id 31 --label ecdh-a --usage-derive
works p11-keygen-ecdh-b $L --keypairgen --key-type EC:prime256v1 --id 32 --label ecdh-b --usage-derive
works p11-read-ecdh-a --read-object --type pubkey --id 31 -o /tmp/ecdh-a.der
works p11-read-ecdh-b --read-object --type pubkey --id 32 -o /tmp/ecdh-b.der
works p11-derive-ecdh-a $L --derive -m ECDH1-DERIVE --id 31 -i /tmp/ecdh-b.der -o /tmp/z-a
works p11-derive-ecdh-b $L --derive --derive-pass-der -m ECDH1-DERIVE --id 32 -i /tmp/ecdh-a.der -o /tmp/z-b
if [ "$(wc -c </tmp/z-a)" -eq 32 ] && cmp -s /tmp/z-a /tmp/z-b; then ok p11-ecdh-same-secret; else failed p11-ecdh-same-secret "$(wc -c </tmp/z-a) bytes, $(cmp /tmp/z-a /tmp/z-b 2>&1)"; fi
if [ -n "$(od -An -v -tx1 /tmp/z-a | tr -d ' \n0')" ]; then ok p11-ecdh-secret-not-zero; else failed p11-ecdh-secret-not-zero "$(od -An -tx1 /tmp/z-a)"; fi
works p11-read-ec521-pub --read-object --type pubkey --id 04 -o /tmp/ecdh-521.der
expect p11-derive-wrong-curve CKR_MECHANISM_PARAM_INVALID $L --derive -m ECDH1-DERIVE --id 31 \
	-i /tmp/ecdh-521.der -o /tmp/z-x
# (pkcs11-tool gives EC keys CKA_DERIVE unless a usage is named: this one only signs)
works p11-keygen-sign-only $L --keypairgen --key-type EC:prime256v1 --id 33 --label sign-only --usage-sign
expect p11-derive-without-cka-derive CKR_KEY_TYPE_INCONSISTENT $L --derive -m ECDH1-DERIVE --id 33 \
	-i /tmp/ecdh-b.der -o /tmp/z-x
for k in 31 32 33; do
	works p11-delete-ecdh-$k $L --delete-object --type privkey --id $k
	works p11-delete-ecdh-pub-$k $L --delete-object --type pubkey --id $k
done

# C_SetAttributeValue: pkcs11-tool --set-id gives the P-521 private key (a token object) a new
# CKA_ID; its record in trusted storage is rewritten, and the second boot finds the new one
works p11-set-id $L --type privkey --id 04 --set-id 44
p11 $L --list-objects --type privkey
has_out p11-set-id-listed 'ID: *44'

# Deleting: the key pair with id 03 goes, the others stay
works p11-delete-privkey $L --delete-object --type privkey --id 03
works p11-delete-pubkey $L --delete-object --type pubkey --id 03
p11 $L --list-objects
lacks_out p11-deleted-gone 'label: *doomed'
has_out p11-others-stay 'label: *ec-key'

# The commands below pkcs11-tool: bad input, foreign handles, session states (tee-test).
P11_SO_PIN=$so P11_USER_PIN=56785678 tee-test pkcs11-abi
# Left as the last step: one failure, for the second boot to find counted.
expect p11-login-old-pin CKR_PIN_INCORRECT --login --pin 12341234 --list-token-slots
echo "pkcs11: done"
