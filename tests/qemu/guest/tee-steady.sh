#!/bin/sh
# The virt suite's reboot test, the steady VM: TEE cases over and over while the other VM
# reboots (tee-reboot.sh); every round must pass. rampart.steady-rounds=N on the command line.
. /usr/share/rampart/tests/lib.sh

rounds=$(sed -n 's/.*rampart\.steady-rounds=\([0-9]*\).*/\1/p' /proc/cmdline)
i=1
while [ "$i" -le "${rounds:-10}" ]; do
	out=$(tee-test open-invoke-close registered-memory ta-to-ta 2>&1)
	case "$out" in
	*"3 passed, 0 failed"*) ok "tee-steady-$i" ;;
	*) failed "tee-steady-$i" "$(echo "$out" | grep -v ': ok$' | tr '\n' ' ')" ;;
	esac
	i=$((i + 1))
done
echo "tee-steady: done"
