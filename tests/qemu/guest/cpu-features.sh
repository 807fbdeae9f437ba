#!/bin/sh
# The VM on one CPU model of the matrix (tests/qemu/virt.d/cpus.sh): its vCPUs are online,
# the last one goes off and on again (PSCI through the hypervisor), and the CPU features the
# host expects (rampart.expect-features=sve,paca,...) are in /proc/cpuinfo, i.e. the hypervisor
# left them usable. The machine then powers off.
# shellcheck source=/dev/null
. /usr/share/rampart/tests/lib.sh

want_cpus=1
features=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.expect-cpus=*) want_cpus=${arg#*=} ;;
	rampart.expect-features=*) features=$(echo "${arg#*=}" | tr , ' ') ;;
	esac
done
have=$(grep -m1 '^Features' /proc/cpuinfo)
echo "rampart-info: $(grep -m1 '^CPU part' /proc/cpuinfo); $have"

present=$(cat /sys/devices/system/cpu/present)
if [ "$(nproc)" = "$want_cpus" ] && [ "$present" = "$(cat /sys/devices/system/cpu/online)" ]; then
	ok cpus
else
	failed cpus "nproc=$(nproc), expected $want_cpus"
fi

if [ "$want_cpus" -gt 1 ]; then
	last=$((want_cpus - 1))
	hp=ok
	for _ in 1 2 3; do
		echo 0 >"/sys/devices/system/cpu/cpu$last/online" || hp="offline failed"
		echo 1 >"/sys/devices/system/cpu/cpu$last/online" || hp="online failed"
	done
	[ "$(cat /sys/devices/system/cpu/online)" = "$present" ] || hp="$hp; online=$(cat /sys/devices/system/cpu/online)"
	if [ "$hp" = ok ]; then ok hotplug; else failed hotplug "$hp"; fi
fi

missing=
for f in $features; do
	echo " $have " | grep -q " $f " || missing="$missing $f"
done
if [ -z "$missing" ]; then ok features; else failed features "missing:$missing"; fi

# Where SVE is offered, the kernel probed the vector lengths with SVE instructions at boot (an
# SVE trap to EL2 or EL3 would have stopped it) and offers processes a default length.
if echo " $have " | grep -q " sve "; then
	vl=$(cat /proc/sys/abi/sve_default_vector_length 2>/dev/null)
	if [ -n "$vl" ] && [ "$vl" -ge 16 ]; then ok sve-vector-length; else failed sve-vector-length "[$vl]"; fi
fi
