#!/bin/sh
# Shared by the guest test scripts: each check prints one line the host harness reads,
#   rampart-check: <name>: ok
#   rampart-check: <name>: FAILED <why>
ok() { echo "rampart-check: $1: ok"; }
failed() {
	name=$1
	shift
	echo "rampart-check: $name: FAILED $*"
}

# need_tools CHECK: when the tools archive (crun, the PKCS#11 clients, OpenSSH) was not
# unpacked over the base initramfs, fail CHECK saying so and end the script.
need_tools() {
	[ -f /usr/share/rampart/tools.txt ] && return 0
	failed "$1" "the tools archive is not loaded: boot build/rootfs/initramfs-tools.cpio.gz"
	exit 1
}
