# shellcheck shell=bash
# Lifetimes and bounds in the trusted OS (sourced by run.sh after the smp4 boot, whose tee-test
# run has these cases): TA-to-TA recursion stops at the nesting bound and the trusted OS lives;
# a single instance opened and closed from every CPU at once; registered memory coming and going
# while calls use other registrations; no CPU enters the trusted OS through a TA's tables.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
for c in ta-nesting-bound single-instance-race shm-churn; do
	check "smp4: tee-test $c" "$log" guest_ok "$log" "tee-$c"
done
check "smp4: the trusted OS names the refused TA-to-TA nesting" "$slog" \
	has "$slog" "entry refused: TA-to-TA calls nested deeper than 4"
no_secure_panic() { ! grep -qE "trusted OS panic|monitor panic|stack overflow" "$1"; }
check "smp4: no panic on the secure console" "$slog" no_secure_panic "$slog"
# Every exit to the normal world leaves the kernel's tables in TTBR0 (tee/thread.c thread_rpc);
# the trusted OS checks at every entry and names a TA's tables left behind. Each RPC a TA's call
# makes (storage, TEE_Wait, a normal-world interrupt) would leave them without that.
no_stale_ttbr0() { ! grep -q "not the kernel's: a TA's tables were left behind" "$1"; }
check "smp4: no secure entry finds a TA's tables in TTBR0" "$slog" no_stale_ttbr0 "$slog"
