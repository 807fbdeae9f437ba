#!/usr/bin/env bash
# make test: host unit tests, then QEMU integration tests; ends with "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
variant=${VARIANT:-baremetal}

bash "$top/tests/unit/run.sh"
bash "$top/tests/qemu/run.sh"

total_pass=0
total_fail=0
for result in "$top/build/unit/result" "$top/build/test-logs/$variant/result"; do
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
