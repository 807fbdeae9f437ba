# shellcheck shell=bash
# What TAs written for OP-TEE expect (sourced by run.sh after the smp4 boot, whose tee-test run
# has these cases): null and zero-size memrefs reach the TA as NULL and the MEMREF_NULL
# capability is advertised; a TA file over 1 MiB loads and answers, also read twice at once.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
for c in null-memref large-ta large-ta-parallel; do
	check "smp4: tee-test $c" "$log" guest_ok "$log" "tee-$c"
done
# The too-big file is refused by size, before it is read, at the new limit.
check "smp4: the trusted OS names the too-big TA file and the 2 MiB limit" "$slog" \
	has "$slog" "its file is 2101248 bytes, the limit is 2097152"
