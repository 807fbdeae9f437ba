#!/bin/sh
# Every CPU the board has is online, through our PSCI CPU_ON.
. /usr/share/rampart/tests/lib.sh

present=$(cat /sys/devices/system/cpu/present)
online=$(cat /sys/devices/system/cpu/online)
echo "rampart-info: present=$present online=$online nproc=$(nproc)"
if [ "$present" = "$online" ]; then ok cpus-online; else failed cpus-online "present=$present online=$online"; fi
