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
