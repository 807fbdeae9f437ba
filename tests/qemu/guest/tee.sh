#!/bin/sh
# Debian's unmodified optee.ko probes our trusted OS; tee-supplicant runs; tee-test (when the
# initramfs has it) drives the test TAs through libteec, one rampart-check line per case.
. /usr/share/rampart/tests/lib.sh

if dmesg | grep -q "optee: revision 0.1"; then ok optee-revision; else failed optee-revision "$(dmesg | grep optee)"; fi
if dmesg | grep -q "optee: initialized driver"; then ok optee-probed; else failed optee-probed "$(dmesg | grep optee)"; fi
for d in /dev/tee0 /dev/teepriv0; do
	n=$(basename $d)
	if [ -c $d ]; then ok "$n"; else failed "$n" "$d missing"; fi
done
if pidof tee-supplicant >/dev/null; then ok tee-supplicant; else failed tee-supplicant "not running"; fi

# A TEE that stops answering must not take the rest of the boot's checks with it: tee-test gets
# a bound (its cases need about 10 s), and the host counts the cases it never reported as failed.
if [ -x /usr/bin/tee-test ]; then
	timeout 180 tee-test
	echo "tee-test: exit $?"
fi
