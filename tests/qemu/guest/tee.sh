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

# optee-rng bound to the trusted OS's RNG pseudo-TA: /dev/hwrng gives bytes from the secure world.
if [ -c /dev/hwrng ]; then ok hwrng; else failed hwrng "/dev/hwrng missing; $(dmesg | grep -i rng)"; fi
cur=$(cat /sys/class/misc/hw_random/rng_current 2>/dev/null)
case "$cur" in
optee*) ok hwrng-optee ;;
*) failed hwrng-optee "current hwrng is '$cur'" ;;
esac
rnd=$(head -c 64 /dev/hwrng 2>/dev/null | od -An -v -tx1 | tr -s ' \n' '  ')
bytes=$(echo $rnd | wc -w)
distinct=$(echo $rnd | tr ' ' '\n' | sort -u | wc -l)
# 64 bytes that are all equal would mean a broken generator (probability 2^-504 otherwise).
if [ "$bytes" = 64 ] && [ "$distinct" -gt 1 ]; then
	ok hwrng-bytes
else
	failed hwrng-bytes "read $bytes bytes, $distinct distinct: $rnd"
fi
# Two reads differ: the generator is not replaying one block.
a=$(head -c 32 /dev/hwrng | od -An -v -tx1)
b=$(head -c 32 /dev/hwrng | od -An -v -tx1)
if [ -n "$a" ] && [ "$a" != "$b" ]; then ok hwrng-fresh; else failed hwrng-fresh "two reads gave '$a' and '$b'"; fi

# A TEE that stops answering must not take the rest of the boot's checks with it: tee-test gets
# a bound (its cases need about 10 s), and the host counts the cases it never reported as failed.
# In a VM (the hypervisor names it on the command line) the cases share the CPUs with another
# VM's: a longer bound.
limit=180
if grep -q "rampart.vm=" /proc/cmdline; then
	limit=1200
	export TEE_TEST_CASE_SECONDS=400
fi
if [ -x /usr/bin/tee-test ]; then
	timeout $limit tee-test
	echo "tee-test: exit $?"
fi
