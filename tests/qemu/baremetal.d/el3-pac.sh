# shellcheck shell=bash
# Sourced by tests/qemu/run.sh after cpus.sh, on the CPU matrix's logs. On -cpu max the boot
# stage signs its return addresses (no BTI: libfdt), and the monitor signs its own and guards its
# code pages (read back from SCTLR_EL3, monitor/pac.c; its boot self-test branches to a
# non-landing pad and must fault); on an Armv8.0 CPU all of it is off. That the monitor hands each
# lower level its own APIA key back is what the cpu-max boot itself shows: Linux signs its return
# addresses there, so a key left wrong after any SMC (PSCI, the TEE's calls on every CPU,
# hotplug) crashes it at its next return; its tee-test and hotplug checks are in cpus.sh, the
# absence of a kernel oops here.

max_slog=$logs/cpu-max.secure.log
a57_slog=$logs/cpu-cortex-a57.secure.log
objdump_fw=${OBJDUMP_FW:-aarch64-linux-gnu-objdump}

check "cpu-max: the monitor signs its return addresses (key from RNDR) and guards its code (BTI)" \
	"$max_slog" grep -q "rampart-monitor .*EL3 return-address signing on (key from the CPU's RNDR), BTI on (code pages guarded)" "$max_slog"
check "cpu-max: the monitor's BTI self-test: a branch to a non-landing pad faults at EL3" \
	"$max_slog" grep -q "rampart-monitor .*BTI self-test: a branch to a non-landing pad at 0x[0-9a-f]* faulted" "$max_slog"
check "cpu-cortex-a57: neither return-address signing nor BTI at EL3 on an Armv8.0 CPU" \
	"$a57_slog" grep -q "rampart-monitor .*EL3 return-address signing off (not on this CPU), BTI off (not on this CPU)" "$a57_slog"
check "cpu-max: the boot stage signs its return addresses (key from RNDR)" "$max_slog" \
	grep -q "rampart-boot .*return-address signing on (key from the CPU's RNDR)" "$max_slog"
check "cpu-cortex-a57: no return-address signing in the boot stage on an Armv8.0 CPU" "$a57_slog" \
	grep -q "rampart-boot .*return-address signing off (not on this CPU)" "$a57_slog"
check "cpu-max: Linux (signing with its own key) never oopsed across the monitor's calls" \
	"$logs/cpu-max.log" bash -c '! grep -qE "Internal error|Kernel panic|Unable to handle kernel" "$1"' _ "$logs/cpu-max.log"
# The image itself: the log line says what SCTLR_EL3 has, this says the code uses it.
monitor_insns() { "$objdump_fw" -d "$build/$variant/monitor.elf" | grep -cE "\s$1(\s|$)"; }
check "the monitor image signs (paciasp) and authenticates (autiasp) its return addresses" \
	"$build/$variant/monitor.elf" bash -c '(( $1 > 20 && $2 > 20 ))' _ \
	"$(monitor_insns paciasp)" "$(monitor_insns autiasp)"
boot_insns() { "$objdump_fw" -d "$build/$variant/boot.elf" | grep -cE "\s$1(\s|$)"; }
check "the boot stage image signs (paciasp) and authenticates (autiasp) its return addresses" \
	"$build/$variant/boot.elf" bash -c '(( $1 > 20 && $2 > 20 ))' _ \
	"$(boot_insns paciasp)" "$(boot_insns autiasp)"
check "the monitor image has BTI landing pads" "$build/$variant/monitor.elf" \
	bash -c '(( $1 > 20 ))' _ "$(monitor_insns 'bti')"
