#!/bin/sh
# The virt suite's panic test, the crashing VM: TEE work in flight (sessions open, memory
# registered, calls running on both vCPUs, one call waiting in the TA, so suspended in an RPC),
# then a kernel panic in the middle of it. With
# panic=1 on its command line the kernel resets the VM a second later; the trusted OS must free
# all this VM had, as for a reboot, while the other VM keeps calling.
tee-test all-cpus shm-churn many-sessions >/dev/null 2>&1 &
tee-test --wait 60000 &
sleep 3
echo "rampart-info: panicking with TEE calls in flight"
touch /tmp/no-poweroff
echo c >/proc/sysrq-trigger
