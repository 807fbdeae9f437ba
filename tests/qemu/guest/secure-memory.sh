#!/bin/sh
# The normal world cannot reach secure RAM, and the device tree says so.
. /usr/share/rampart/tests/lib.sh

# A read through /dev/mem must fault (bus error), printing no value.
out=$(devmem 0x0e000000 32 2>&1)
rc=$?
echo "rampart-info: devmem-secure rc=$rc out=[$out]"
if [ $rc -ne 0 ] && ! echo "$out" | grep -q '^0x'; then
	ok devmem-faults
else
	failed devmem-faults "devmem returned $rc: $out"
fi
# Last word of secure RAM too.
out=$(devmem 0x0efffffc 32 2>&1)
rc=$?
if [ $rc -ne 0 ] && ! echo "$out" | grep -q '^0x'; then ok devmem-faults-end; else failed devmem-faults-end "$rc: $out"; fi

if grep -q 'System RAM' /proc/iomem && grep 'System RAM' /proc/iomem | grep -qi '^ *0e'; then
	failed not-system-ram "secure RAM listed as System RAM"
else
	ok not-system-ram
fi
if [ -e /proc/device-tree/reserved-memory/secure-memory@e000000/no-map ]; then
	ok reserved-no-map
else
	failed reserved-no-map "no /reserved-memory/secure-memory@e000000 with no-map"
fi
if [ -e /proc/device-tree/secure-chosen ]; then
	failed secure-chosen-hidden "the secure world's /secure-chosen reached Linux"
else
	ok secure-chosen-hidden
fi
