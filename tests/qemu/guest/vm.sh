#!/bin/sh
# Inside one VM of the virt variant: it has the vCPUs and memory its configuration gives it,
# SMP and IPIs work, vCPUs go off and on again, the timer ticks (the host times the sleep), and
# memory outside its assignment faults and reads nothing. Expectations come from the command
# line the test configuration gives this VM: rampart.expect-cpus, rampart.expect-mib,
# rampart.peer-mem (an address in another VM's RAM); rampart.delay=N waits N s first.
. /usr/share/rampart/tests/lib.sh

for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.vm=*) vm=${arg#*=} ;;
	rampart.expect-cpus=*) want_cpus=${arg#*=} ;;
	rampart.expect-mib=*) want_mib=${arg#*=} ;;
	rampart.peer-mem=*) peer=${arg#*=} ;;
	rampart.delay=*) sleep "${arg#*=}" ;; # let another VM get somewhere first
	esac
done
echo "rampart-info: vm=$vm nproc=$(nproc) $(grep MemTotal /proc/meminfo)"

present=$(cat /sys/devices/system/cpu/present)
online=$(cat /sys/devices/system/cpu/online)
if [ "$(nproc)" = "$want_cpus" ] && [ "$present" = "$online" ]; then
	ok vcpus
else
	failed vcpus "nproc=$(nproc) present=$present online=$online, expected $want_cpus"
fi

# The kernel keeps some memory for itself: MemTotal is below the size, but not far below.
total_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
want_kb=$((want_mib * 1024))
if [ "$total_kb" -le "$want_kb" ] && [ "$total_kb" -gt $((want_kb * 6 / 10)) ]; then
	ok memory-size
else
	failed memory-size "MemTotal ${total_kb} kB for a ${want_mib} MiB VM"
fi

# IPIs: processes started on each vCPU in turn wake the others (rescheduling, function calls).
ipis() { awk '/^ *IPI[0-9]+:/ { for (c = 2; c < 2 + n; c++) s += $c } END { print s + 0 }' n="$want_cpus" /proc/interrupts; }
last=$((want_cpus - 1))
before=$(ipis)
i=0
while [ $i -lt 40 ]; do
	taskset -c $((i % want_cpus)) true
	i=$((i + 1))
done
after=$(ipis)
if [ "$after" -gt "$before" ]; then ok ipis; else failed ipis "IPIs $before -> $after"; fi

# vCPU hotplug through the VM's PSCI CPU_OFF / CPU_ON.
i=0
hp=ok
while [ $i -lt 5 ]; do
	echo 0 >"/sys/devices/system/cpu/cpu$last/online" || hp="offline failed at $i"
	echo 1 >"/sys/devices/system/cpu/cpu$last/online" || hp="online failed at $i"
	i=$((i + 1))
done
if [ "$hp" = ok ] && [ "$(cat /sys/devices/system/cpu/online)" = "$present" ]; then
	ok hotplug
else
	failed hotplug "$hp; online=$(cat /sys/devices/system/cpu/online)"
fi

# Timer: the host times this against its own clock.
echo "rampart-mark: sleep-start"
sleep 2
echo "rampart-mark: sleep-end"

# Isolation: the hypervisor's memory and another VM's memory fault, printing no value.
faults() {
	out=$(devmem "$1" 32 2>&1)
	rc=$?
	echo "rampart-info: devmem $1 rc=$rc out=[$out]"
	[ $rc -ne 0 ] && ! echo "$out" | grep -q '^0x'
}
if faults 0x40200000; then ok hyp-memory-faults; else failed hyp-memory-faults "read $out"; fi
if [ -n "$peer" ]; then
	if faults "$peer"; then ok peer-memory-faults; else failed peer-memory-faults "read $out"; fi
fi
# Where the kernel sits (KASLR, from the kaslr-seed the hypervisor put in this boot's tree): the
# host compares it between VMs and boots.
echo "rampart-info: kernel-text $(awk '$3 == "_stext" { print $1 }' /proc/kallsyms)"
echo "rampart-info: vm checks done"
