#!/bin/sh
# The virt suite's reboot test, the rebooting VM: TEE work in flight (sessions open, memory
# registered, calls running on both vCPUs), then a reboot in the middle of it, at every boot.
# The host counts the boots and stops QEMU; the trusted OS must free all this VM had each time.
tee-test all-cpus shm-churn many-sessions >/dev/null 2>&1 &
sleep 3
echo "rampart-info: rebooting with TEE calls in flight"
touch /tmp/no-poweroff
reboot -f
