# shellcheck shell=bash
# Stack guard pages (sourced by run.sh; reads the smp4 boot's secure console): every monitor and
# trusted OS stack has an unmapped page below it, checked at boot with the MMU's own address
# translation, and both overflow one idle stack on purpose at boot (the trusted OS a thread's,
# the monitor another CPU's): the guard page stops it, the fault is handled on the abort stack
# and names the stack, and the stack below is untouched (a firmware without the guard pages
# panics there instead).
slog=$logs/smp4.secure.log
check "smp4: monitor stacks have unmapped guard pages" "$slog" \
	grep -qE "rampart-monitor .*: [0-9]+ stack guard pages unmapped" "$slog"
check "smp4: trusted OS stacks have unmapped guard pages" "$slog" \
	grep -qE "rampart-tee .*: [0-9]+ stack guard pages unmapped" "$slog"
check "smp4: a thread stack overflow stops at its guard page, named, neighbour intact" "$slog" \
	has "$slog" "stack guard self-test: an overflow of thread 1 stack stopped at its guard page"
check "smp4: a monitor stack overflow stops at its guard page, named, neighbour intact" "$slog" \
	grep -qE "rampart-monitor .*stack guard self-test: an overflow of CPU [0-9]+ monitor stack stopped at its guard page" "$slog"
