# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# The GP asymmetric operations and key derivation inside a TA (sourced by run.sh after the smp4
# boot, whose tee-test run has the gp-asym case): known answers of every family from Debian's
# cryptography vectors, the error paths, key generation, and each call GP says panics, killing
# only its own instance with the reason named.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test gp-asym" "$log" guest_ok "$log" tee-gp-asym
# Several vectors of each family ran (the counts tee-test prints), not an empty table.
asym_families_ran() {
	local f n
	for f in rsa-v15-sign rsa-v15-verify rsa-pss rsa-oaep rsa-v15-crypt rsa-nopad ecdsa ecdh dh \
		hkdf concat-kdf pbkdf2 dsa ed25519 x25519; do
		n=$(sed -n "s/.*gp-asym: $f \([0-9]*\) vectors.*/\1/p" "$1" | tail -n 1)
		[[ -n $n && $n -ge 3 ]] || return 1
	done
}
check "smp4: gp-asym ran several vectors of every family" "$log" asym_families_ran "$log"
check "smp4: gp-asym panics 11 of 11" "$log" has "$log" "gp-asym: panics 11 of 11"
check "smp4: a private RSA part of a non-extractable key is refused, named" "$slog" \
	has "$slog" "TEE_GetObjectBufferAttribute: protected attribute of a non-extractable object"
check "smp4: SignDigest on a verify operation is a GP panic, named" "$slog" \
	has "$slog" "GP panic in a crypto operation: TEE_AsymmetricSignDigest on another class or mode"
