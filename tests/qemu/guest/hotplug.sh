#!/bin/sh
# CPUs go offline (PSCI CPU_OFF, AFFINITY_INFO) and online (CPU_ON) again, many times in a row.
. /usr/share/rampart/tests/lib.sh

cycles=${1:-25}
cpus=$(ls -d /sys/devices/system/cpu/cpu[0-9]* | grep -v '/cpu0$')
if [ -z "$cpus" ]; then
	failed hotplug "needs at least two CPUs"
	exit 0
fi
i=0
while [ $i -lt "$cycles" ]; do
	for c in $cpus; do
		echo 0 >"$c/online" || { failed hotplug "offlining $c failed (cycle $i)"; exit 0; }
		[ "$(cat "$c/online")" = 0 ] || { failed hotplug "$c still online (cycle $i)"; exit 0; }
	done
	for c in $cpus; do
		echo 1 >"$c/online" || { failed hotplug "onlining $c failed (cycle $i)"; exit 0; }
		[ "$(cat "$c/online")" = 1 ] || { failed hotplug "$c still offline (cycle $i)"; exit 0; }
	done
	i=$((i + 1))
done
if dmesg | grep -q "may not have shut down cleanly"; then
	failed hotplug "the kernel saw a CPU that did not report OFF"
	exit 0
fi
online=$(cat /sys/devices/system/cpu/online)
echo "rampart-info: hotplug cycles=$cycles online=$online"
ok hotplug
