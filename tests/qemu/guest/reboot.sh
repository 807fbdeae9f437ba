#!/bin/sh
# Ask for a reboot; the host harness counts the boots and stops QEMU after the second. Where
# tee-supplicant runs, each boot also says what it finds in its directory (on the disk, when the
# host attached one) and leaves a new random token there for the next. Each boot says where its
# kernel sits (KASLR: a new kaslr-seed at every boot in the virt variant).
dir=/var/lib/optee-client/data/tee
if [ -d "$dir" ]; then
	if [ -f "$dir/rampart-reboot-token" ]; then
		echo "rampart-disk: found $(cat "$dir/rampart-reboot-token")"
	else
		echo "rampart-disk: found nothing"
	fi
	token=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
	echo "$token" >"$dir/rampart-reboot-token"
	sync
	echo "rampart-disk: left $token"
fi
echo "rampart-info: kernel-text $(awk '$3 == "_stext" { print $1 }' /proc/kallsyms)"
echo "rampart-info: rebooting"
touch /tmp/no-poweroff
reboot -f
