#!/bin/sh
# Trusted storage under power cuts (tests/qemu/baremetal.d/storage-disk.sh): check the objects
# the last boot left (every one a whole version), then rewrite them until the host kills QEMU.
# rampart.storage.verify-only=1 checks only, and the boot ends.
verify_only=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.storage.verify-only=*) verify_only=${arg#*=} ;;
	esac
done
if [ -n "$verify_only" ]; then
	tee-test --storage-verify
else
	tee-test --storage-writer
fi
echo "tee-test: exit $?"
