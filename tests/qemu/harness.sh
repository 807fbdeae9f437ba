#!/usr/bin/env bash
# What every QEMU test suite (run.sh, virt.sh) asserts with. Sourced; counts in $pass and $fail,
# QEMU's exit status of the last boot in $rc.
pass=0
fail=0

check() { # check NAME LOG COMMAND...: one assertion
	local name=$1 log=$2
	shift 2
	if "$@"; then
		echo "PASS $name"
		pass=$((pass + 1))
	else
		echo "FAIL $name (see $log)"
		fail=$((fail + 1))
	fi
}

has() { grep -qF -- "$2" "$1"; }
count() { grep -cF -- "$2" "$1" 2>/dev/null; }
exited_cleanly() { [[ $rc == 0 ]]; }
guest_ok() { grep -q "^rampart-check: $2: ok" "$1"; }
