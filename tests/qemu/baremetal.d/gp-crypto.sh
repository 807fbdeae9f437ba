# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# The GP crypto API inside a TA (sourced by run.sh after the smp4 boot, whose tee-test run has the
# gp-crypto case): known answers of every family from Debian's cryptography vectors, the error
# paths, and each call GP says panics, killing only its own instance with the reason named.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test gp-crypto" "$log" guest_ok "$log" tee-gp-crypto
# Several vectors of each family ran (the counts tee-test prints), not an empty table.
families_ran() {
	local f n
	for f in digest hmac aes-cmac aes-cipher aes-ae aes-cbc-mac des; do
		n=$(sed -n "s/.*gp-crypto: $f \([0-9]*\) vectors.*/\1/p" "$1" | tail -n 1)
		[[ -n $n && $n -ge 3 ]] || return 1
	done
}
check "smp4: gp-crypto ran several vectors of every family" "$log" families_ran "$log"
check "smp4: the trusted OS names the GP crypto panics" "$slog" \
	has "$slog" "GP panic in a crypto operation: TEE_CipherUpdate before its Init"
check "smp4: a forged operation handle kills the TA" "$slog" \
	has "$slog" "TEE_FreeOperation: 0x12345 is not an operation handle of this TA"
check "smp4: AEUpdateAAD after the payload is a GP panic, named" "$slog" \
	has "$slog" "GP panic in a crypto operation: TEE_AEUpdateAAD after TEE_AEUpdate"
check "smp4: an AES-CTS final under a block is a GP panic, named" "$slog" \
	has "$slog" "GP panic in a crypto operation: TEE_CipherDoFinal: AES-CTS input shorter than a block"
# AES-GCM: the boot self-test's known answers on both engines (the Cortex-A57 has the Crypto
# Extensions), and TAs given nettle's (docs/crypto.md "AES-GCM on the Armv8 Crypto Extensions").
check "smp4: AES-GCM known answers pass on mbedTLS and on the Crypto Extensions at boot" "$slog" \
	has "$slog" "AES-GCM on mbedTLS and the Crypto Extensions"
check "smp4: TAs' AES-GCM runs on the Crypto Extensions" "$slog" \
	has "$slog" "AES-GCM: nettle with the Crypto Extensions (AESE, PMULL)"
