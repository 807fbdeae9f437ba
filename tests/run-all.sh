#!/usr/bin/env bash
# make test: host unit tests, then QEMU integration tests; ends with "N passed, N failed".
# With VARIANT set, the QEMU tests of that variant; without, those of every variant.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
variants=${VARIANT:-baremetal virt}

bash "$top/tests/unit/run.sh"
results=("$top/build/unit/result")
# The host fuzzers, a short deterministic run each (make fuzz runs them longer): one result per
# fuzzer that finds nothing.
rm -f "$top/build/fuzz/result"
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash "$top/tests/fuzz/run.sh"
results+=("$top/build/fuzz/result")
for variant in $variants; do
	rm -f "$top/build/test-logs/$variant/result"
	VARIANT=$variant bash "$top/tests/qemu/run.sh"
	results+=("$top/build/test-logs/$variant/result")
done

total_pass=0
total_fail=0
for result in "${results[@]}"; do
	if [[ -f $result ]]; then
		read -r p f <"$result"
	else
		p=0
		f=1 # a suite that produced no result failed
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
done
echo "$total_pass passed, $total_fail failed"
[[ $total_fail == 0 ]]
