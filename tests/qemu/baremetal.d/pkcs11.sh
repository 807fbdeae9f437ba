# shellcheck shell=bash disable=SC2154 # top, logs, kernel, initrd_tools: set by run.sh, which sources this
# The PKCS#11 token (docs/pkcs11.md) with Debian's unmodified libckteec0 and opensc's
# pkcs11-tool: token initialisation, SO and user PINs with their failure paths (wrong, too short,
# locked after 3 wrong tries, unlocked by the SO), and a second boot on the same TEE disk that
# finds the token as the first left it (label, changed PIN, a failure counted).
. "$top/tests/qemu/disk.sh"

p11_img=$(disk_new pkcs11)
disk_boot pkcs11 "$p11_img" 300 -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=pkcs11"
log=$logs/pkcs11.log
for c in p11-slot-listed p11-login-before-init p11-init-short-so-pin p11-init-token p11-label \
	p11-reinit-wrong-so-pin p11-so-count-low p11-reinit-token p11-reinit-clears \
	p11-init-pin-wrong-so p11-init-pin-short p11-init-pin p11-pin-initialized p11-login \
	p11-login-wrong p11-count-low p11-login-wrong-2 p11-final-try p11-login-locks p11-locked \
	p11-locked-refuses-right-pin p11-so-unlocks p11-unlocked p11-login-after-unlock \
	p11-change-pin-wrong-old p11-change-pin-short p11-change-pin p11-login-new-pin \
	p11-login-old-pin; do
	check "pkcs11: $c" "$log" guest_ok "$log" "$c"
done
check "pkcs11: tee-test pkcs11-abi (bad input, foreign handles, session states)" "$log" \
	guest_ok "$log" tee-pkcs11-abi
check "pkcs11: pkcs11-abi ran its login states" "$log" has "$log" "checks, login states included"
check "pkcs11: the guest script ran to its end" "$log" has "$log" "pkcs11: done"
check "pkcs11: poweroff ends QEMU with status 0" "$log" exited_cleanly
disk_boot pkcs11-again "$p11_img" 300 -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=pkcs11 rampart.pkcs11=second"
log=$logs/pkcs11-again.log
for c in p11-kept-label p11-kept-count-low p11-kept-pin p11-kept-old-pin-refused; do
	check "pkcs11-again: $c" "$log" guest_ok "$log" "$c"
done
check "pkcs11-again: the guest script ran to its end" "$log" has "$log" "pkcs11: done"
