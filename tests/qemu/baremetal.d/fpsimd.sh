# shellcheck shell=bash disable=SC2154 # build, logs, kernel, initrd, rc: set by run.sh
# FP/SIMD for TAs (docs/trusted-os.md, "FP/SIMD"). Sourced by tests/qemu/run.sh.
# - tee-test's fpu cases on the CPU models the full tee-test does not run on (Cortex-A57 runs it
#   in the foundation boot, -cpu max in cpus.sh): Cortex-A53 and Neoverse-N1, no SVE.
# - nwsve (tests/nwsve) on -cpu max: a normal world that is not Linux makes every SMC of an
#   OP-TEE session with a TA that overwrites its V registers with Z0..Z31, P0..P15, FFR, FPSR
#   and FPCR loaded, and finds them all unchanged after, in and out of Streaming SVE mode.
fpu_cases="fpu-arith fpu-wait fpu-migrate fpu-isolation fpu-nested fpu-sve-sme fpu-ns-kept fpu-gcm"
for cpu in cortex-a53 neoverse-n1; do
	name=fpsimd-$cpu
	boot "$name" 300 -cpu "$cpu" -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyAMA0 rampart.test=fpsimd"
	log=$logs/$name.log
	for c in $fpu_cases; do
		check "$name: tee-test $c" "$log" guest_ok "$log" "tee-$c"
	done
done
log=$logs/nwsve.log
boot nwsve 300 -cpu max,pauth-impdef=on -smp 1 -m 1024 -kernel "$build/nw/nwsve.Image"
check "nwsve: the normal world's SVE state (Z, P, FFR at 2048 bits, FPSR, FPCR) kept across every SMC" \
	"$log" has "$log" "nwsve: every Z, P and FFR bit, FPSR and FPCR kept"
check "nwsve: also in Streaming SVE mode" "$log" has "$log" "in and out of Streaming SVE mode: 0 failed"
check "nwsve: SYSTEM_OFF ends QEMU with status 0" "$log" exited_cleanly
