# shellcheck shell=bash disable=SC2154 # build, logs, rc: set by run.sh, which sources this
# nwfuzz (tests/nwfuzz, docs/fuzzing.md): a normal-world program booted in place of Linux fires
# every fast call, hostile yielding calls, garbage RPC answers and cross-CPU RPC returns at the
# secure world from 4 CPUs. Every call must return, nothing in the secure world may panic, and
# the machine must power off cleanly. Sourced by tests/qemu/run.sh (uses boot, check, has).
nwfuzz_image=$build/nwfuzz/Image
nwfuzz_count=${NWFUZZ_COUNT:-10000}
boot nwfuzz 300 -smp 4 -m 2048 -kernel "$nwfuzz_image" -append "nwfuzz.count=$nwfuzz_count"
log=$logs/nwfuzz.log
slog=$logs/nwfuzz.secure.log
# A TA killed by TEE_Panic is the TA's business (the test TA has a command for it); the monitor's
# and the trusted OS's own panics are not.
no_panic() { ! grep -i "panic" "$1" | grep -qv "TEE_Panic("; }
check "nwfuzz: the program runs (seed printed)" "$log" has "$log" "nwfuzz: seed "
check "nwfuzz: every SMC from 4 CPUs returned" "$log" has "$log" "calls on 4 CPUs, seed"
check "nwfuzz: no call left a CPU stuck" "$log" has "$log" "every call returned"
check "nwfuzz: nothing panics in the secure world" "$slog" no_panic "$slog"
check "nwfuzz: SYSTEM_OFF ends QEMU with status 0" "$log" exited_cleanly
