# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# The dev kit's C library inside a TA (sourced by run.sh after the smp4 boot, whose tee-test run
# has the ta-libc case): what the TA printed with printf, puts, stderr and putchar reaches the
# secure log as TA log lines, a line without its end when the entry returns; a failed assert()
# names the expression before the panic.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test ta-libc" "$log" guest_ok "$log" tee-ta-libc
check "smp4: ta-libc panics 4 of 4" "$log" has "$log" "ta-libc: panics 4 of 4"
libc_nonce=$(sed -n 's/.*ta-libc: printed nonce \([0-9]*\).*/\1/p' "$log" | tail -n 1)
libc_printed() { # every stream's line, with the nonce of this run, as a TA log line
	[[ -n $libc_nonce ]] &&
		has "$slog" "TA 5ee1c0de: libc-ta printf $libc_nonce ok 0x5ee1" &&
		has "$slog" "TA 5ee1c0de: libc-ta puts" &&
		has "$slog" "TA 5ee1c0de: libc-ta stderr $libc_nonce" &&
		has "$slog" "TA 5ee1c0de: <>" &&
		has "$slog" "TA 5ee1c0de: libc-ta unterminated $libc_nonce"
}
check "smp4: printf/puts/stderr of a TA reach the secure log" "$slog" libc_printed
check "smp4: a failed assert() in a TA names its expression" "$slog" \
	has "$slog" 'assertion "which != LIBC_PANIC_ASSERT" failed at libc_ta.c:'
