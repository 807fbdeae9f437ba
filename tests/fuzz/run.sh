#!/usr/bin/env bash
# Host fuzzers (libFuzzer, Debian's clang, with AddressSanitizer and UndefinedBehaviorSanitizer):
# build each tests/fuzz/<target>_fuzz.c with the sources it covers, run it from its committed
# seed corpus tests/fuzz/corpus/<target>/, and end with "fuzz: N passed, M failed" (one pass per
# target that builds and finds nothing). docs/fuzzing.md says more.
#
#   FUZZ_SECONDS=n  run each target n seconds (make fuzz; default 60)
#   FUZZ_RUNS=n     run each target n inputs from seed 1 instead (make test: deterministic)
#   FUZZ_TARGETS="a b"  only these targets
#
# New inputs go to build/fuzz/<target>/corpus, crash reproducers to build/fuzz/<target>/ as
# crash-<sha1> (or leak-, timeout-, oom-); replay one with build/fuzz/<target>/<target>_fuzz <file>.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/fuzz
mkdir -p "$out"
cd "$top" || exit 1

# shellcheck disable=SC2054 # the commas belong to -fsanitize=
cflags=(-std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-Wall -Wextra -Werror -Wno-gnu-variable-sized-type-not-at-end -Wno-string-concatenation -Iinclude -Iplat/qemu_virt/include)

# target -> the sources under test, include paths and libraries (as in tests/unit/run.sh)
declare -A sources=(
	[msg]="tests/host/tee_one_client.c tee/msg.c tee/msg_check.c tee/msg_params.c tee/pta.c tee/pta_stats.c -Itee -idirafter lib/include -Iarch/aarch64/include -lmbedcrypto"
	[msg_params]="tee/msg_params.c -Itee -idirafter lib/include -Iarch/aarch64/include"
	[ta_image]="lib/common/ta_image.c lib/common/ta_elf.c"
	[ta_elf]="lib/common/ta_elf.c"
	[ta_dyn]="lib/common/ta_dyn.c lib/common/ta_elf.c"
	[vm_config]="hyp/vm_config.c lib/common/mem_range.c lib/common/fdt_untrusted.c -Ihyp -lfdt"
	[dt_fixup]="boot/dt_fixup.c boot/rng_seed.c boot/dt_memory.c boot/fw_regions.c lib/common/mem_range.c lib/common/fdt_untrusted.c -Iboot -lfdt"
	[fw_cfg_file]="drivers/fw_cfg_file.c -Idrivers/include"
	[linux_layout]="boot/linux_layout.c lib/common/mem_range.c -Iboot"
	[p11_template]="ta/rampart_pkcs11/attrs.c ta/rampart_pkcs11/template.c -Ita/rampart_pkcs11 -Ita/include -Ita_sdk/include"
)
targets=${FUZZ_TARGETS:-$(printf '%s\n' "${!sources[@]}" | sort)}

if [[ -n ${FUZZ_RUNS:-} ]]; then
	budget=(-runs="$FUZZ_RUNS" -seed=1)
else
	budget=(-max_total_time="${FUZZ_SECONDS:-60}")
fi

pass=0
fail=0
for t in $targets; do
	dir=$out/$t
	bin=$dir/${t}_fuzz
	mkdir -p "$dir/corpus"
	# shellcheck disable=SC2086
	if ! clang "${cflags[@]}" "tests/fuzz/${t}_fuzz.c" ${sources[$t]} -o "$bin" \
		2>"$dir/build.log"; then
		cat "$dir/build.log"
		echo "FAIL fuzz $t: does not build"
		fail=$((fail + 1))
		continue
	fi
	rm -f "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*
	# The first corpus directory receives new inputs; the committed seeds stay as they are.
	"$bin" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix="$dir/" -print_final_stats=1 \
		"$dir/corpus" "tests/fuzz/corpus/$t" >"$dir/log" 2>&1
	rc=$?
	found=$(find "$dir" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'leak-*' \
		-o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*' | head -1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
	if [[ $rc != 0 || -n $found ]]; then
		grep -m1 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$dir/log"
		echo "FAIL fuzz $t: ${found:-exit status $rc} (log: $dir/log)"
		fail=$((fail + 1))
	else
		echo "ok fuzz $t: ${execs:-?} inputs, nothing found"
		pass=$((pass + 1))
	fi
done
echo "fuzz: $pass passed, $fail failed"
echo "$pass $fail" >"$out/result"
[[ $fail == 0 ]]
