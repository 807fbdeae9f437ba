#!/bin/sh
# Guest half of `make xtest`: run OP-TEE's xtest regression suite one group at a time, so a group
# that hangs or kills xtest costs only that group. Groups come from rampart.xtest=<g,g,...> on the
# kernel command line (a group is the leading digits of the case IDs, e.g. 1, 41, 6, or
# "pkcs11": the whole pkcs11 suite, cases pkcs11_1000..), each with rampart.xtest_timeout=<s>
# seconds at most.
groups="1 20 40 41 5 6 80 81 pkcs11"
limit=1800
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.xtest=*) groups=$(echo "${arg#rampart.xtest=}" | tr , ' ') ;;
	rampart.xtest_timeout=*) limit=${arg#rampart.xtest_timeout=} ;;
	esac
done
[ -c /dev/tee0 ] || { echo "xtest-run: no /dev/tee0: the TEE driver did not bind"; exit 1; }
# The 2000 group (GP sockets) runs its servers on the loopback interface, down at boot.
ifconfig lo up
for g in $groups; do
	echo "xtest-group: $g begin"
	case "$g" in
	pkcs11) timeout "$limit" xtest -t pkcs11 2>&1 ;;
	*) timeout "$limit" xtest -t regression "_$g" 2>&1 ;;
	esac
	echo "xtest-group: $g exit $?"
done
echo "xtest-run: done"
