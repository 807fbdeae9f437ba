#!/bin/sh
# vCPU hotplug under overcommit, for the hypervisor's PSCI CPU_OFF / AFFINITY_INFO / CPU_ON and
# the scheduler around them (tests/qemu/virt.d/sched.sh): every vCPU but 0 goes offline and
# online again, over and over, for rampart.hotplug-secs=S seconds of the VM's own clock (default
# 120), while a busy loop that forks (a shell reading the clock through a subshell, on any vCPU)
# keeps the vCPUs switching and sending each other IPIs. A hotplug that hangs leaves the check
# unprinted (the host's time limit catches it); one that fails is reported.
. /usr/share/rampart/tests/lib.sh

secs=120
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.hotplug-secs=*) secs=${arg#*=} ;;
	esac
done
now() { read -r t _ </proc/uptime; echo "${t%.*}"; }
end=$(($(now) + secs))
cpus=$(ls -d /sys/devices/system/cpu/cpu[0-9]* | grep -v '/cpu0$')
if [ -z "$cpus" ]; then
	failed hotplug-stress "needs at least two vCPUs"
	exit 0
fi
(while [ "$(now)" -lt "$end" ]; do :; done) &
n=0
while [ "$(now)" -lt "$end" ]; do
	for c in $cpus; do
		echo 0 >"$c/online" || { failed hotplug-stress "offlining $c failed (cycle $n)"; exit 0; }
	done
	# Back in another order (the last first): CPU_ON goes to vCPUs that went off at other times.
	for c in $(echo "$cpus" | tail -n 1) $(echo "$cpus" | sed '$d'); do
		echo 1 >"$c/online" || { failed hotplug-stress "onlining $c failed (cycle $n)"; exit 0; }
	done
	n=$((n + 1))
	[ $((n % 20)) = 0 ] && echo "rampart-info: hotplug-stress: $n cycles"
done
wait
if dmesg | grep -q "may not have shut down cleanly"; then
	failed hotplug-stress "the kernel saw a vCPU that did not report OFF"
	exit 0
fi
online=$(cat /sys/devices/system/cpu/online)
echo "rampart-info: hotplug-stress cycles=$n online=$online"
if [ "$online" = "0-$(($(echo "$cpus" | wc -l)))" ]; then
	ok hotplug-stress
else
	failed hotplug-stress "online=$online after $n cycles"
fi
