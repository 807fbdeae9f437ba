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
	-fno-sanitize-recover=all -Iinclude -Iplat/qemu_virt/include -Imonitor -Iboot -Itools -Ita_sdk/include -Ita_sdk/libutee -Ihyp)

# test file -> the sources under test and extra libraries
declare -A sources=(
	[psci_state_test]="monitor/psci_state.c"
	[fw_image_test]="lib/common/fw_image.c tools/fw_pack.c"
	[linux_layout_test]="boot/linux_layout.c"
	[mem_range_test]="lib/common/mem_range.c boot/fw_regions.c"
	[smbios_ram_test]="boot/smbios_ram.c"
	[dt_memory_test]="boot/dt_memory.c boot/fw_regions.c lib/common/mem_range.c -lfdt"
	[dt_fixup_test]="boot/dt_fixup.c -lfdt"
	[ta_elf_test]="lib/common/ta_elf.c"
	[ta_dyn_test]="lib/common/ta_dyn.c -Wno-unused-parameter"
	[msg_params_test]="tee/msg_params.c -Itee -Ilib/include -Iarch/aarch64/include"
	# The cache on its own, with a spinlock that checks the locking discipline.
	[ta_cache_test]="tee/ta_cache.c -Itests/unit/stubs -Itee"
	[msg_test]="tests/host/tee_one_client.c tee/msg.c tee/msg_check.c tee/msg_params.c tee/pta.c tee/pta_stats.c -Itee -idirafter lib/include -Iarch/aarch64/include -lmbedcrypto"
	[shm_test]="-Itests/unit/host tee/shm.c -Itee -idirafter lib/include -pthread"
	[guest_test]="-Itests/unit/stubs tee/guest.c -Itee -idirafter lib/include -Iarch/aarch64/include -lmbedcrypto"
	[thread_state_test]="tee/thread_state.c -Itee"
	[ta_image_test]="lib/common/ta_image.c"
	[rng_seed_test]="boot/rng_seed.c -lfdt"
	# The trusted OS's verification code on Debian's libmbedtls; signs with build/host/ta_sign.
	# lib/include only after the system headers: it supplies log.h, not the C library's.
	[ta_verify_test]="-idirafter lib/include -Ilib/crypto lib/crypto/ta_verify.c lib/common/ta_image.c -lmbedcrypto"
	[utee_params_test]="ta_sdk/libutee/params.c"
	[utee_heap_test]="ta_sdk/libutee/heap.c"
	[utee_props_test]="ta_sdk/libutee/props.c ta_sdk/libutee/uuid.c"
	[utee_api_test]="ta_sdk/libutee/entry.c ta_sdk/libutee/params.c ta_sdk/libutee/heap.c ta_sdk/libutee/props.c ta_sdk/libutee/uuid.c ta_sdk/libutee/tee_api_memory.c ta_sdk/libutee/tee_api_property.c ta_sdk/libutee/tee_api_ta_session.c ta_sdk/libutee/tee_api_system.c ta_sdk/libutee/trace.c ta_sdk/libutee/dl.c -Ddl_iterate_phdr=ta_dl_iterate_phdr"
	[utee_dl_test]="ta_sdk/libutee/dl.c -Ddl_iterate_phdr=ta_dl_iterate_phdr"	# not the host C library's
	[stage2_test]="hyp/stage2.c"
	[vgic_test]="hyp/vgic.c"
	[sched_policy_test]="hyp/sched_policy.c"
	[fdt_untrusted_test]="lib/common/fdt_untrusted.c -lfdt"
	[vm_config_test]="hyp/vm_config.c lib/common/mem_range.c lib/common/fdt_untrusted.c -lfdt"
	[vm_devices_test]="hyp/vm_devices.c hyp/stage2.c lib/common/mem_range.c -lfdt"
	[guest_dt_test]="hyp/guest_dt.c -lfdt"
	[console_test]="hyp/vuart.c hyp/console_line.c hyp/vmctl.c -Iarch/aarch64/include"
	[vmctl_test]="hyp/vmctl.c"
	[vpsci_state_test]="hyp/vpsci_state.c"
	[sysreg_emul_test]="hyp/sysreg_emul.c"
	[cpu_features_test]="-Iarch/aarch64/include arch/aarch64/cpu_features.c"
	[smccc_arch_test]="monitor/smccc_arch.c"
	[inject_test]="monitor/inject.c"
	[monitor_pac_test]="monitor/pac_policy.c"
	[stack_guard_test]="-idirafter lib/include lib/common/stack_guard.c"
	[stack_guard_pages_test]="-idirafter lib/include -Iarch/aarch64/include lib/common/stack_guard_pages.c"
	[handle_table_test]="tee/handle_table.c -Itee"
	[ptime_test]="tee/ptime.c -Itee"
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
# The TA dev kit, used from outside the tree (needs build/ta_dev_kit: make ta_dev_kit).
bash tests/ta-sdk/outside-build.sh >"$out/ta-sdk.log" 2>&1
cat "$out/ta-sdk.log"
pass=$((pass + $(grep -c ': ok$' "$out/ta-sdk.log")))
fail=$((fail + $(grep -c ': FAILED' "$out/ta-sdk.log")))
echo "unit: $pass passed, $fail failed"
echo "$pass $fail" >"$out/result"
[[ $fail == 0 ]]
