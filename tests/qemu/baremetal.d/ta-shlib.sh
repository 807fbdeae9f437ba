# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# Shared TA libraries (sourced by run.sh after the smp4 boot, whose tee-test run has the ta-shlib
# case): the dl TA is linked with its library by the trusted OS, and each library dlopen() must
# refuse is refused for its own reason, named in the secure log.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
dl_ta=5ee1c0de-7a11-4e57-9a6e-646c00000000
check "smp4: tee-test ta-shlib" "$log" guest_ok "$log" tee-ta-shlib
check "smp4: a TA is linked with its shared library" "$slog" \
	has "$slog" "TA $dl_ta linked with 1 shared library"
check "smp4: dlopen() loads a library and what it needs" "$slog" \
	has "$slog" "TA $dl_ta: dlopen(5ee1c0de-7a11-4e57-9a6e-73686c320000): 1 module(s) loaded"
check "smp4: a TA is refused as a library" "$slog" \
	has "$slog" "TA library 5ee1c0de-7a11-4e57-9a6e-706565720000 refused: not a shared library (ET_DYN)"
check "smp4: a DT_NEEDED cycle is refused" "$slog" \
	has "$slog" "TA $dl_ta refused: its libraries need each other in a cycle (DT_NEEDED)"
check "smp4: a relocation outside its library is refused" "$slog" \
	has "$slog" "library 5ee1c0de-7a11-4e57-9a6e-62616472656c refused: a relocation lies outside the module's writable segments"
check "smp4: a library with a bad signature is refused" "$slog" \
	has "$slog" "TA library 5ee1c0de-7a11-4e57-9a6e-626164000003: not loaded (0xffff000f)"
check "smp4: an unknown library is not found" "$slog" \
	has "$slog" "TA library 5ee1c0de-7a11-4e57-9a6e-6e6f6e650000: not loaded (0xffff0008)"
