# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# The benchmark TA of make bench (sourced by run.sh after the smp4 boot, whose tee-test run has
# the bench-ta case): known answers of what it times, its refusals, and NOT_SUPPORTED from the
# TA for each API its dev kit lacked (docs/benchmarks.md).
log=$logs/smp4.log
check "smp4: tee-test bench-ta" "$log" guest_ok "$log" tee-bench-ta
check "smp4: bench-ta says what it was built with" "$log" \
	grep -qE 'bench-ta: built with RSA (yes|no), ECDSA (yes|no), storage (yes|no)' "$log"
