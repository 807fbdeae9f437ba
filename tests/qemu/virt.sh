#!/usr/bin/env bash
# QEMU integration tests of the virt variant: the hypervisor runs two Debian Linux VMs side by
# side. VM layouts come from device-tree configurations given with -fw_cfg (as a user would
# override the built-in one). Each check prints PASS/FAIL; the last line is "N passed, N failed".
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build
fw=$build/virt/firmware.bin
kernel=$build/linux/Image
initrd=$build/rootfs/initramfs.cpio.gz
logs=$build/test-logs/virt
work=$build/test-work/virt
mkdir -p "$logs" "$work"
rm -f "$logs"/*.log

machine=virt,secure=on,virtualization=on,gic-version=3
. "$top/tests/qemu/harness.sh"

vm_ok() { grep -q "^\[$2\] rampart-check: $3: ok" "$1"; } # vm_ok LOG VM CHECK

# config NAME VM-SPEC...: a configuration blob; each VM-SPEC is "name cpus mib bootargs".
config() {
	local name=$1
	shift
	{
		echo '/dts-v1/;'
		echo '/ {'
		for spec in "$@"; do
			read -r vname cpus mib args <<<"$spec"
			echo "$vname { vcpus = <$cpus>; memory-mib = <$mib>; bootargs = \"$args\"; };"
		done
		echo '};'
	} >"$work/$name.dts"
	dtc -q -I dts -O dtb -o "$work/$name.dtb" "$work/$name.dts"
}

# start NAME CONFIG SMP QEMU-ARGS...: QEMU in the background; console in $logs/NAME.log.
start() {
	local name=$1 cfg=$2 smp=$3
	shift 3
	local cfgarg=()
	[[ -n $cfg ]] && cfgarg=(-fw_cfg "name=opt/rampart/vms.dtb,file=$work/$cfg.dtb")
	log=$logs/$name.log
	: >"$log"
	qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -smp "$smp" -m 2048 -display none \
		-monitor none -serial "file:$log" -serial "file:$logs/$name.secure.log" \
		-bios "$fw" "${cfgarg[@]}" "$@" </dev/null >"$logs/$name.qemu.log" 2>&1 &
	qpid=$!
}

# wait_for PATTERN-COUNT PATTERN LIMIT: poll the log; records the wall time of the match in $when.
wait_for() {
	local n=$1 pattern=$2 limit=$3 t0=$SECONDS
	while ((SECONDS - t0 < limit)); do
		if [[ $(count "$log" "$pattern") -ge $n ]]; then
			when=$(date +%s.%N)
			return 0
		fi
		kill -0 "$qpid" 2>/dev/null || { [[ $(count "$log" "$pattern") -ge $n ]]; return; }
		sleep 0.1
	done
	return 1
}

# finish LIMIT: wait for QEMU to exit by itself (status in $rc, 124 if it had to be killed).
finish() {
	local limit=$1 t0=$SECONDS
	while kill -0 "$qpid" 2>/dev/null; do
		if ((SECONDS - t0 >= limit)); then
			kill "$qpid" 2>/dev/null
			wait "$qpid" 2>/dev/null
			rc=124
			return
		fi
		sleep 0.2
	done
	wait "$qpid"
	rc=$?
}

stop() { kill "$qpid" 2>/dev/null; wait "$qpid" 2>/dev/null; }

timed_sleep() { # timed_sleep VM: the 2 s sleep inside the VM took 1.5-3.5 s of host time
	local vm=$1 a b
	wait_for 1 "[$vm] rampart-mark: sleep-start" 400 || return 1
	a=$when
	wait_for 1 "[$vm] rampart-mark: sleep-end" 30 || return 1
	b=$when
	awk -v a="$a" -v b="$b" -v vm="$vm" 'BEGIN {
		printf "  %s: sleep 2 took %.2f s of host time\n", vm, b - a
		exit !(b - a > 1.5 && b - a < 3.5) }'
}

vm0=0x41000000
vm1=0x61000000
common="console=ttyAMA0 rampart.test=vm rampart.expect-cpus=2 rampart.expect-mib=512"

# 1. Two VMs run the checks side by side; both power off, then the hypervisor ends QEMU.
config two "vm0 2 512 $common rampart.peer-mem=$vm1" "vm1 2 512 $common rampart.peer-mem=$vm0"
start two two 4 -kernel "$kernel" -initrd "$initrd"
timed_sleep vm0
sleep_rc=$?
finish 400
log=$logs/two.log
for vm in vm0 vm1; do
	check "two: $vm boots the stock kernel to /init" "$log" has "$log" "[$vm] rampart-init: /init reached"
	check "two: $vm: Linux finds PSCI v1.1" "$log" has "$log" "[$vm] [    0.000000] psci: PSCIv1.1 detected"
	check "two: $vm: smp: 2 CPUs" "$log" grep -q "^\[$vm\] .*smp: Brought up 1 node, 2 CPUs" "$log"
	for c in vcpus memory-size ipis hotplug hyp-memory-faults peer-memory-faults; do
		check "two: $vm: $c" "$log" vm_ok "$log" "$vm" "$c"
	done
	# The hypervisor seeds each boot's RNG and KASLR (/chosen/rng-seed, kaslr-seed).
	check "two: $vm: its kernel's RNG is seeded at boot" "$log" \
		has "$log" "[$vm] [    0.000000] random: crng init done"
	check "two: $vm: its kernel is placed at random (KASLR)" "$log" \
		grep -q "^\[$vm\] .*KASLR enabled" "$log"
done
text_of() { sed -n "s/^\[$2\] rampart-info: kernel-text \([0-9a-f]\+\).*/\1/p" "$1"; }
t0=$(text_of "$log" vm0)
t1=$(text_of "$log" vm1)
check "two: the two VMs' kernels sit at different addresses (seeds of their own)" "$log" \
	test -n "$t0" -a -n "$t1" -a "$t0" != "$t1"
check "two: sleep 2 in vm0 takes about 2 s" "$log" test $sleep_rc = 0
check "two: the hypervisor logs vm0's read of vm1's memory" "$log" grep -q "^\[hyp\] vm0: .*read of 4 bytes at $vm1 outside its assignment" "$log"
check "two: the hypervisor logs vm1's read of its memory" "$log" grep -q "^\[hyp\] vm1: .*read of 4 bytes at 0x40200000 outside its assignment" "$log"
check "two: both VMs power off, then QEMU ends with status 0" "$log" exited_cleanly
check "two: VM consoles tagged, no untagged Linux line" "$log" bash -c "! grep -a -v '^\[\(vm0\|vm1\|hyp\)\] \|^rampart-boot\|^\s*$' '$log' | grep -q ."

# 2. vm1 powers off at once; vm0 keeps running and passes its checks.
config off "vm0 2 512 $common rampart.peer-mem=$vm1 rampart.delay=25" "vm1 2 512 console=ttyAMA0 rampart.test=poweroff"
start off off 4 -kernel "$kernel" -initrd "$initrd"
finish 400
log=$logs/off.log
check "poweroff: the hypervisor reports vm1 off" "$log" has "$log" "[hyp] vm1: off; the other VMs keep running"
check "poweroff: vm0 reaches /init" "$log" has "$log" "[vm0] rampart-init: /init reached"
vm1_off=$(grep -n "^\[hyp\] vm1: off" "$log" | head -1 | cut -d: -f1)
vm0_done=$(grep -n "^\[vm0\] rampart-info: vm checks done" "$log" | head -1 | cut -d: -f1)
check "poweroff: vm0 finishes its checks after vm1 is off" "$log" test "${vm0_done:-0}" -gt "${vm1_off:-999999}"
for c in vcpus memory-size ipis hotplug hyp-memory-faults peer-memory-faults; do
	check "poweroff: vm0: $c" "$log" vm_ok "$log" vm0 "$c"
done
check "poweroff: QEMU ends with status 0 when the last VM is off" "$log" exited_cleanly

# 3. vm1 reboots and comes back; vm0 runs its checks meanwhile.
config reboot "vm0 2 512 $common rampart.peer-mem=$vm1" "vm1 2 512 console=ttyAMA0 rampart.test=reboot"
start reboot reboot 4 -kernel "$kernel" -initrd "$initrd"
wait_for 2 "[vm1] rampart-info: kernel-text" 400
wait_for 1 "[vm0] rampart-info: vm checks done" 400
stop
log=$logs/reboot.log
check "reboot: the hypervisor restarts vm1 alone" "$log" has "$log" "[hyp] vm1: reset by its kernel"
check "reboot: vm1 boots a second time" "$log" bash -c "[[ \$(grep -c '^\[vm1\] rampart-init: /init reached' '$log') -ge 2 ]]"
check "reboot: vm1 brings up both vCPUs again" "$log" bash -c "[[ \$(grep -c '^\[vm1\] .*smp: Brought up 1 node, 2 CPUs' '$log') -ge 2 ]]"
check "reboot: vm0 boots once only" "$log" bash -c "[[ \$(grep -c '^\[vm0\] rampart-init: /init reached' '$log') == 1 ]]"
places=$(text_of "$log" vm1 | sort -u | wc -l)
check "reboot: vm1's two boots place its kernel at different addresses (new seeds)" "$log" \
	test "$places" -ge 2
for c in vcpus memory-size ipis hotplug; do
	check "reboot: vm0: $c" "$log" vm_ok "$log" vm0 "$c"
done

# 3b. vm1's kernel panics (and stays down); vm0 keeps running and passes its checks. vm0 waits
# 25 s first: vm1 boots as slowly as the host is loaded, and must have panicked by then.
config panic "vm0 2 512 $common rampart.peer-mem=$vm1 rampart.delay=25" "vm1 2 512 console=ttyAMA0 rampart.test=panic"
start panic panic 4 -kernel "$kernel" -initrd "$initrd"
wait_for 1 "[vm0] rampart-info: vm checks done" 400
stop
log=$logs/panic.log
check "panic: vm1's kernel panics" "$log" grep -q "^\[vm1\] .*Kernel panic" "$log"
vm1_panic=$(grep -n "^\[vm1\] .*Kernel panic" "$log" | head -1 | cut -d: -f1)
vm0_done=$(grep -n "^\[vm0\] rampart-info: vm checks done" "$log" | head -1 | cut -d: -f1)
check "panic: vm0 finishes its checks after vm1 panicked" "$log" test "${vm0_done:-0}" -gt "${vm1_panic:-999999}"
for c in vcpus memory-size ipis hotplug hyp-memory-faults peer-memory-faults; do
	check "panic: vm0: $c" "$log" vm_ok "$log" vm0 "$c"
done

# 4. The built-in configuration: two VMs with QEMU's -append, on 4 CPUs.
start builtin "" 4 -kernel "$kernel" -initrd "$initrd" -append "console=ttyAMA0 rampart.test=smp"
finish 400
log=$logs/builtin.log
for vm in vm0 vm1; do
	check "built-in: $vm every vCPU online" "$log" vm_ok "$log" "$vm" cpus-online
done
check "built-in: QEMU ends with status 0" "$log" exited_cleanly

# 5. Malformed configurations are refused at boot with a message naming the problem.
refused() { # refused NAME TEXT QEMU-ARGS...
	local name=$1 text=$2
	shift 2
	start "$name" "$name" 4 "$@"
	finish 60
	check "$name: refused: '$text'" "$log" has "$log" "$text"
	check "$name: the machine stops by itself" "$log" exited_cleanly
}
cat >"$work/overlap.dts" <<'DTS'
/dts-v1/;
/ {
	a { vcpus = <1>; memory-mib = <256>; memory-base = <0 0x50000000>; };
	b { vcpus = <1>; memory-mib = <256>; memory-base = <0 0x58000000>; };
};
DTS
dtc -q -I dts -O dtb -o "$work/overlap.dtb" "$work/overlap.dts"
refused overlap "a and b: memory overlaps" -kernel "$kernel"
config toomuch "a 1 1024 x" "b 1 1024 x"
refused toomuch "the VMs need 2048 MiB of RAM in all but only 2032 MiB is free" -kernel "$kernel"
config nokernel "a 1 64 x"
refused nokernel "a: missing kernel: start QEMU with -kernel" 
printf 'not a device tree' >"$work/garbage.dtb"
refused garbage "not a device tree blob" -kernel "$kernel"
cat >"$work/typo.dts" <<'DTS'
/dts-v1/;
/ { a { vcpus = <1>; memory-mb = <64>; }; };
DTS
dtc -q -I dts -O dtb -o "$work/typo.dtb" "$work/typo.dts"
refused typo "a: unknown property 'memory-mb'" -kernel "$kernel"

# 6. The keyboard: input reaches the focused VM only; Ctrl-] moves it to the next running VM.
rm -f "$work/con.in"
mkfifo "$work/con.in"
log=$logs/console.log
: >"$log"
qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -smp 4 -m 2048 -display none -monitor none \
	-serial stdio -serial null -bios "$fw" -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyAMA0" <"$work/con.in" >"$log" 2>"$logs/console.qemu.log" &
qpid=$!
exec 3>"$work/con.in"
type_in() { printf '%b' "$1" >&3; }
if wait_for 1 "[vm0] Enter 'help'" 400 && wait_for 1 "[vm1] Enter 'help'" 400; then
	sleep 2
	type_in 'echo typed-$((6 * 7))\n'
	wait_for 1 "[vm0] typed-42" 60
	type_in '\035'
	wait_for 1 "[hyp] console input goes to vm1" 30
	type_in 'echo other-$((6 * 7))\n'
	wait_for 1 "[vm1] other-42" 60
	type_in 'poweroff\n'
	wait_for 1 "[hyp] vm1: off" 120
	type_in '\035'
	wait_for 2 "[hyp] console input goes to vm0" 30
	type_in 'poweroff\n'
fi
finish 120
exec 3>&-
check "console: typed text reaches vm0, which has the focus first" "$log" grep -q "^\[vm0\] typed-42" "$log"
check "console: ...and not vm1" "$log" bash -c "! grep -q '^\[vm1\] typed-42' '$log'"
check "console: Ctrl-] moves the focus to vm1" "$log" has "$log" "[hyp] console input goes to vm1 (Ctrl-] switches)"
check "console: typed text then reaches vm1 only" "$log" bash -c "grep -q '^\[vm1\] other-42' '$log' && ! grep -q '^\[vm0\] other-42' '$log'"
check "console: poweroff typed into vm1 stops vm1 alone" "$log" has "$log" "[hyp] vm1: off; the other VMs keep running"
check "console: Ctrl-] skips the VM that is off" "$log" bash -c "[[ \$(grep -c 'console input goes to vm0' '$log') -ge 2 ]]"
check "console: poweroff typed into vm0 ends QEMU with status 0" "$log" exited_cleanly

# Further suites of this variant, one file a topic (sourced: they use the helpers above).
for suite in "$top"/tests/qemu/virt.d/*.sh; do
	[[ -e $suite ]] && . "$suite"
done

echo "qemu-virt: $pass passed, $fail failed"
echo "$pass $fail" >"$logs/result"
