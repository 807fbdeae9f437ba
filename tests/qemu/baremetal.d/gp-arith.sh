# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# The GP arithmetical API inside a TA (sourced by run.sh after the smp4 boot, whose tee-test run
# has the gp-arith case): known answers from Python's integers, the error returns, and each
# call that must panic, killing only its own instance with the reason named.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test gp-arith" "$log" guest_ok "$log" tee-gp-arith
# Many vectors and primality cases ran, not an empty table.
arith_ran() {
	local v p
	v=$(sed -n 's/.*gp-arith: vectors \([0-9]*\) numbers.*/\1/p' "$1" | tail -n 1)
	p=$(sed -n 's/.*gp-arith: primes \([0-9]*\) numbers.*/\1/p' "$1" | tail -n 1)
	[[ -n $v && $v -ge 20 && -n $p && $p -ge 15 ]]
}
check "smp4: gp-arith ran its vectors and primality cases" "$log" arith_ran "$log"
check "smp4: gp-arith panics 7 of 7" "$log" has "$log" "gp-arith: panics 7 of 7"
check "smp4: the TA names a division by zero" "$slog" \
	has "$slog" "GP panic in TEE_BigIntDiv: division by zero"
check "smp4: the TA names a result over its destination" "$slog" \
	has "$slog" "GP panic in TEE_BigIntMul: the result (64 bits) does not fit its destination (32 bits)"
