# shellcheck shell=bash
# Lifetimes and bounds in the trusted OS (sourced by run.sh after the smp4 boot, whose tee-test
# run has these cases): TA-to-TA recursion stops at the nesting bound and the trusted OS lives;
# a single instance opened and closed from every CPU at once; registered memory coming and going
# while calls use other registrations.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
for c in ta-nesting-bound single-instance-race shm-churn; do
	check "smp4: tee-test $c" "$log" guest_ok "$log" "tee-$c"
done
check "smp4: the trusted OS names the refused TA-to-TA nesting" "$slog" \
	has "$slog" "entry refused: TA-to-TA calls nested deeper than 4"
no_secure_panic() { ! grep -qE "trusted OS panic|monitor panic|stack overflow" "$1"; }
check "smp4: no panic on the secure console" "$slog" no_secure_panic "$slog"
