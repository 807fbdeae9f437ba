# shellcheck shell=bash
# Sourced by tests/qemu/run.sh. The CPU matrix in the baremetal variant: the stock kernel on each
# CPU model QEMU 7.2 has; bring-up, /init, every CPU online, a short hotplug, poweroff. Then what
# Linux found: the features the monitor opened (on -cpu max), the speculation answers of
# SMCCC_ARCH_WORKAROUND_1/2/3 as /sys/devices/system/cpu/vulnerabilities shows them, and that
# no access of the stock kernel reached the monitor as an unexpected trap. Last, a freestanding
# normal-world Image (tests/qemu/nw/undef.S) makes such a trap on purpose.
#
# -cpu max runs with pauth-impdef=on: QEMU emulates the architected QARMA5 pointer-auth
# algorithm slowly under TCG, and Linux signs every return address; the IMPLEMENTATION DEFINED
# algorithm keeps the boot fast and enables the same registers (SCR_EL3.API/APK).

# CPU|SMP|spectre_v2|spec_store_bypass: what Linux must print in sysfs (see docs/cpus.md).
ssb_prctl="Mitigation: Speculative Store Bypass disabled via prctl"
cpu_matrix=(
	"cortex-a53|2|Not affected|Not affected"
	"cortex-a57|2|Mitigation: Branch predictor hardening, BHB|Not affected"
	"cortex-a72|2|Mitigation: Branch predictor hardening, BHB|Not affected"
	"cortex-a76|2|Mitigation: CSV2, BHB|$ssb_prctl"
	"neoverse-n1|2|Mitigation: CSV2, BHB|$ssb_prctl"
	"max,pauth-impdef=on|4|Mitigation: CSV2, but not BHB|$ssb_prctl"
)

# vuln_is LOG NAME TEXT: the whole sysfs line (the console ends lines with CR LF).
vuln_is() { tr -d '\r' <"$1" | grep -qxF "rampart-info: vulnerability $2: $3"; }
feature_on() { grep -q "^rampart-info: cpu-features: .*\b$2\b" "$1"; } # feature_on LOG HWCAP
no_trap() { ! grep -q "unexpected trap" "$1"; }

for entry in "${cpu_matrix[@]}"; do
	IFS='|' read -r cpu n v2 v4 <<<"$entry"
	name=cpu-${cpu%%,*}
	extra=
	# The TEE runs its full tee-test on the CPU with every feature on.
	[[ $cpu == max* ]] && extra=" rampart.tee=1"
	boot "$name" 480 -cpu "$cpu" -smp "$n" -m 2048 -kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyAMA0 rampart.test=cpu-matrix$extra"
	log=$logs/$name.log
	slog=$logs/$name.secure.log
	linux_checks "$name" "$n"
	check "$name: CPUs offline and online 3 times" "$log" guest_ok "$log" hotplug
	check "$name: spectre_v2 is '$v2'" "$log" vuln_is "$log" spectre_v2 "$v2"
	check "$name: spec_store_bypass is '$v4'" "$log" vuln_is "$log" spec_store_bypass "$v4"
	check "$name: no unexpected trap reached the monitor" "$slog" no_trap "$slog"
done

log=$logs/cpu-max.log
slog=$logs/cpu-max.secure.log
for hwcap in sve sve2 paca pacg bti rng ssbs; do
	check "cpu-max: Linux has $hwcap" "$log" feature_on "$log" "$hwcap"
done
check "cpu-max: the monitor opens SVE, SME, pointer auth, BTI and RNDR to the normal world" \
	"$slog" grep -q "features opened to the normal world: sve sme .*pauth bti .*rng" "$slog"
check "cpu-cortex-a57: nothing beyond Armv8.0 is opened on an Armv8.0 CPU" \
	"$logs/cpu-cortex-a57.secure.log" has "$logs/cpu-cortex-a57.secure.log" \
	"features opened to the normal world: none"
for c in open-invoke-close params registered-memory ta-to-ta all-cpus panic bad-access \
	fpu-arith fpu-wait fpu-migrate fpu-isolation fpu-nested fpu-sve-sme fpu-ns-kept fpu-gcm no-leak; do
	check "cpu-max: tee-test $c" "$log" guest_ok "$log" "tee-$c"
done
check "cpu-max: tee-test runs to its summary (no crash)" "$log" \
	grep -qE '^tee-test: [0-9]+ passed, 0 failed' "$log"
for img in boot monitor tee; do
	check "cpu-max: the $img's stack canary comes from RNDR" "$slog" \
		grep -q "rampart-$img .*stack protector canary from the CPU's RNDR" "$slog"
	check "cpu-cortex-a57: the $img's stack canary comes from the board's seed" \
		"$logs/cpu-cortex-a57.secure.log" \
		grep -q "rampart-$img .*stack protector canary from the board's secret seed" \
		"$logs/cpu-cortex-a57.secure.log"
done

check "cpu-max: the trusted OS signs its return addresses with its own key (RNDR)" "$slog" \
	grep -q "pointer authentication: return addresses signed, key from the CPU's RNDR" "$slog"
check "cpu-max: the trusted OS's code pages are BTI-guarded" "$slog" \
	grep -q "branch target identification: code pages guarded" "$slog"
check "cpu-cortex-a57: no pointer authentication on an Armv8.0 CPU" \
	"$logs/cpu-cortex-a57.secure.log" has "$logs/cpu-cortex-a57.secure.log" \
	"pointer authentication: not on this CPU"

# MTE needs tag memory, which QEMU's virt board has only with mte=on; without it -cpu max offers
# MTE instructions alone (ID_AA64PFR1_EL1.MTE = 1) and Linux does not use MTE. One boot with tag
# memory: the monitor sets SCR_EL3.ATA and Linux turns MTE on.
saved_machine=$machine
machine=$machine,mte=on
boot cpu-max-mte 480 -cpu max,pauth-impdef=on -smp 2 -m 2048 -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyAMA0 rampart.test=cpu-matrix"
machine=$saved_machine
log=$logs/cpu-max-mte.log
check "cpu-max-mte: Linux has mte" "$log" feature_on "$log" mte
check "cpu-max-mte: the monitor opens MTE (SCR_EL3.ATA)" "$logs/cpu-max-mte.secure.log" \
	grep -q "features opened to the normal world: .*mte2" "$logs/cpu-max-mte.secure.log"
check "cpu-max-mte: every CPU online" "$log" guest_ok "$log" cpus-online
check "cpu-max-mte: poweroff ends QEMU with status 0" "$log" exited_cleanly

# An access the monitor keeps trapped (a Group 0 GIC register) at EL2 and at EL1: an Undefined
# Instruction exception at that level and a secure-console line, not a monitor panic.
nw_undef=$build/nw/undef.Image
for cpu in cortex-a57 max,pauth-impdef=on; do
	name=nw-undef-${cpu%%,*}
	boot "$name" 120 -cpu "$cpu" -smp 1 -m 1024 -kernel "$nw_undef"
	log=$logs/$name.log
	slog=$logs/$name.secure.log
	check "$name: a trapped access at EL2 gets an Undefined Instruction exception" "$log" guest_ok "$log" undef-el2
	check "$name: a trapped access at EL1 gets an Undefined Instruction exception" "$log" guest_ok "$log" undef-el1
	check "$name: the secure console names the trap" "$slog" \
		grep -q "unexpected trap from normal-world EL2: ESR 0x62303011" "$slog"
	check "$name: the trap's log line stays off the normal console" "$log" no_trap "$log"
	check "$name: the machine powers off by PSCI afterwards" "$log" exited_cleanly
done
