#!/bin/sh
# Crash this kernel on purpose (sysrq "c"): the other VMs must not notice.
echo "rampart-info: panicking on purpose"
touch /tmp/no-poweroff
echo c >/proc/sysrq-trigger
