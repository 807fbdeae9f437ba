#!/bin/sh
# A VM configured with tee = "none": no OP-TEE node in its device tree, so no TEE device.
. /usr/share/rampart/tests/lib.sh

if [ -e /proc/device-tree/firmware/optee ]; then
	failed tee-absent "its device tree has /firmware/optee"
elif [ -e /dev/tee0 ]; then
	failed tee-absent "/dev/tee0 exists"
else
	ok tee-absent
fi
