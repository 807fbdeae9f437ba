#!/usr/bin/env bash
# Host unit tests (cmocka): build each tests/unit/*_test.c with the sources it covers, run it, and
# end with "unit: N passed, M failed" (totals of cmocka test cases; a binary that does not build
# or crashes counts as one failure).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/unit
mkdir -p "$out"
cd "$top"

cflags=(-std=gnu11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined
	-fno-sanitize-recover=all -Iinclude -Iplat/qemu_virt/include -Imonitor -Iboot -Itools -Ihyp)

# test file -> the sources under test and extra libraries
declare -A sources=(
	[psci_state_test]="monitor/psci_state.c"
	[fw_image_test]="lib/common/fw_image.c tools/fw_pack.c"
	[linux_layout_test]="boot/linux_layout.c"
	[dt_fixup_test]="boot/dt_fixup.c -lfdt"
	[stage2_test]="hyp/stage2.c"
	[vgic_test]="hyp/vgic.c"
	[vm_config_test]="hyp/vm_config.c -lfdt"
)

pass=0
fail=0
for t in "${!sources[@]}"; do
	bin=$out/$t
	# shellcheck disable=SC2086
	if ! gcc "${cflags[@]}" "tests/unit/$t.c" ${sources[$t]} -lcmocka -o "$bin" 2>"$out/$t.build.log"; then
		cat "$out/$t.build.log"
		echo "FAIL $t: does not build"
		fail=$((fail + 1))
		continue
	fi
	"$bin" >"$out/$t.log" 2>&1
	rc=$?
	cat "$out/$t.log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\.$/\1/p' "$out/$t.log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:$/\1/p' "$out/$t.log")
	p=${p:-0}
	f=${f:-0}
	if [[ $rc != 0 && $f == 0 ]]; then
		echo "FAIL $t: exited with status $rc"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "unit: $pass passed, $fail failed"
echo "$pass $fail" >"$out/result"
[[ $fail == 0 ]]
