# shellcheck shell=bash disable=SC2154 # top, logs, kernel, initrd_tools: set by run.sh, which sources this
# The PKCS#11 token (docs/pkcs11.md) with Debian's unmodified libckteec0 and opensc's
# pkcs11-tool: token initialisation, SO and user PINs with their failure paths (wrong, too short,
# the user PIN locked after 3 wrong tries and unlocked by the SO, the SO PIN not locked by 3);
# keys made in the token (EC P-256/384/521, RSA-2048, AES), listed (private ones only when logged in), signing and verification (ECDSA,
# RSA PKCS#1 v1.5 and PSS) with their failure paths, the signatures also verified on the host
# (tests/qemu/p11_verify.py); AES keys wrapped and unwrapped (ECB, CBC-PAD), with the refusals
# (not extractable, no CKA_WRAP, a truncated wrapped key); ECDH (pkcs11-tool --derive: two key
# pairs derive one secret, a point of another curve and a key without CKA_DERIVE refused); and a second boot on the same TEE disk that finds the token as the
# first left it (label, changed PIN, a failure counted, the keys).
. "$top/tests/qemu/disk.sh"

p11_img=$(disk_new pkcs11)
disk_boot pkcs11 "$p11_img" 600 -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=pkcs11"
log=$logs/pkcs11.log
for c in p11-slot-listed p11-login-before-init p11-init-short-so-pin p11-init-token p11-label \
	p11-reinit-wrong-so-pin p11-so-count-low p11-reinit-wrong-so-pin-2 \
	p11-reinit-wrong-so-pin-3 p11-so-not-locked p11-reinit-token p11-reinit-clears \
	p11-init-pin-wrong-so p11-init-pin-short p11-init-pin p11-pin-initialized p11-login \
	p11-login-wrong p11-count-low p11-login-wrong-2 p11-final-try p11-login-locks p11-locked \
	p11-locked-refuses-right-pin p11-so-unlocks p11-unlocked p11-login-after-unlock \
	p11-change-pin-wrong-old p11-change-pin-short p11-change-pin p11-login-new-pin \
	p11-login-old-pin p11-mechanisms p11-keygen-no-login p11-keygen-ec p11-keygen-rsa \
	p11-keygen-ec384 p11-keygen-ec521 p11-keygen-rsa4096 p11-sign-rsa4096 p11-verify-rsa4096 \
	p11-delete-rsa4096 p11-delete-rsa4096-pub p11-keygen-aes p11-list-ec-pub p11-list-ec-priv \
	p11-list-rsa-priv p11-list-rsa-bits p11-list-aes p11-list-label p11-list-sensitive \
	p11-list-public-logged-out p11-list-no-private-logged-out p11-list-no-secret-logged-out \
	p11-sign-ecdsa-sha256 p11-sig-ec-size p11-verify-ecdsa p11-verify-ecdsa-tampered \
	p11-sign-ecdsa-raw p11-verify-ecdsa-raw p11-read-ec-pub p11-sign-rsa-sha256 \
	p11-sig-rsa-size p11-verify-rsa p11-verify-rsa-tampered p11-sign-rsa-raw \
	p11-verify-rsa-raw p11-sign-rsa-pss p11-verify-rsa-pss p11-verify-rsa-pss-tampered \
	p11-sign-rsa-pss-raw p11-verify-rsa-pss-raw p11-read-rsa-pub \
	p11-sign-wrong-pin p11-sign-no-such-key p11-sign-not-permitted p11-read-secret-refused \
	p11-sign-wrong-mechanism p11-keygen-always-auth p11-always-auth-listed p11-sign-always-auth \
	p11-verify-always-auth p11-delete-always-auth p11-delete-always-auth-pub p11-encrypt-aes p11-decrypt-aes p11-aes-round-trip p11-flag-rng p11-random p11-random-again p11-random-differs \
	p11-digest-sha256 p11-digest-is-sha256 p11-digest-sha512 p11-digest-is-sha512 \
	p11-digest-sha1 p11-digest-is-sha1 p11-digest-md5 p11-digest-is-md5 p11-keygen-kek \
	p11-keygen-wrappable p11-wrap p11-wrap-size p11-wrap-cbc-pad p11-wrap-cbc-pad-size \
	p11-wrap-unextractable p11-wrap-without-cka-wrap p11-unwrap p11-unwrapped-listed \
	p11-unwrapped-not-local p11-unwrap-truncated p11-encrypt-wrapped p11-encrypt-unwrapped \
	p11-unwrapped-same-key p11-delete-wrap-key-20 p11-delete-wrap-key-21 \
	p11-delete-wrap-key-22 p11-keygen-ecdh-a p11-keygen-ecdh-b p11-read-ecdh-a p11-read-ecdh-b \
	p11-derive-ecdh-a p11-derive-ecdh-b p11-ecdh-same-secret p11-ecdh-secret-not-zero \
	p11-read-ec521-pub p11-derive-wrong-curve p11-keygen-sign-only p11-derive-without-cka-derive \
	p11-delete-ecdh-31 p11-delete-ecdh-pub-31 p11-delete-ecdh-32 p11-delete-ecdh-pub-32 \
	p11-delete-ecdh-33 p11-delete-ecdh-pub-33 p11-set-id \
	p11-set-id-listed p11-delete-privkey p11-delete-pubkey p11-deleted-gone \
	p11-others-stay; do
	check "pkcs11: $c" "$log" guest_ok "$log" "$c"
done
# The token's signatures checked by the host's cryptography, not the trusted OS's
for c in ec ec-raw rsa rsa-raw rsa-pss tampered; do
	check "pkcs11: host verifies the token's $c signature" "$log" \
		/usr/bin/python3 "$top/tests/qemu/p11_verify.py" "$c" "$log"
done
first_log=$log
check "pkcs11: tee-test pkcs11-abi (bad input, foreign handles, session states)" "$log" \
	guest_ok "$log" tee-pkcs11-abi
check "pkcs11: pkcs11-abi ran its login states, objects and keys" "$log" has "$log" \
	"checks, login states included, objects and keys included"
check "pkcs11: the guest script ran to its end" "$log" has "$log" "pkcs11: done"
check "pkcs11: poweroff ends QEMU with status 0" "$log" exited_cleanly
disk_boot pkcs11-again "$p11_img" 300 -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=pkcs11 rampart.pkcs11=second"
log=$logs/pkcs11-again.log
for c in p11-kept-label p11-kept-count-low p11-kept-pin p11-kept-old-pin-refused \
	p11-kept-ec-privkey p11-kept-privkeys p11-kept-aes p11-kept-set-id p11-kept-deleted-gone p11-kept-sign-ec \
	p11-kept-verify-ec p11-kept-sign-rsa p11-kept-verify-rsa p11-kept-aes-private \
	p11-reinit-again p11-reinit-user-pin p11-reinit-erases-objects; do
	check "pkcs11-again: $c" "$log" guest_ok "$log" "$c"
done
check "pkcs11-again: the kept RSA key signs as the first boot's public key says" "$log" \
	/usr/bin/python3 "$top/tests/qemu/p11_verify.py" kept-rsa "$first_log" "$log"
check "pkcs11-again: the guest script ran to its end" "$log" has "$log" "pkcs11: done"
