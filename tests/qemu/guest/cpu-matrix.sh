#!/bin/sh
# One boot of the CPU matrix: every CPU online, a short hotplug, then what Linux found in the CPU
# and in the firmware's speculation answers, for the host to compare with what the CPU is.
# rampart.tee=1 on the command line runs the TEE checks (tee.sh) as well.
d=/usr/share/rampart/tests
$d/smp.sh
$d/hotplug.sh 3
$d/smp.sh
echo "rampart-info: cpu-features: $(grep -m1 '^Features' /proc/cpuinfo | sed 's/^Features[^:]*: *//')"
for v in spectre_v1 spectre_v2 spec_store_bypass meltdown; do
	f=/sys/devices/system/cpu/vulnerabilities/$v
	[ -r "$f" ] && echo "rampart-info: vulnerability $v: $(cat "$f")"
done
if grep -q 'rampart.tee=1' /proc/cmdline; then
	$d/tee.sh
fi
