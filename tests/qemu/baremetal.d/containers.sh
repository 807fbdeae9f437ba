# shellcheck shell=bash disable=SC2154 # logs, kernel, initrd_tools, rc: set by run.sh, which sources this
# Containers that reach the TEE (docs/containers.md): Debian's crun in the initramfs runs the OCI
# bundle the build made, /dev/tee0 passed in, tee-supplicant outside (tests/qemu/guest/containers.sh).
# The failure paths: a container without the device, one whose cgroup rule denies it, and a
# process that exits 7, whose status crun must pass on. Then PKCS#11: a container given the
# client (rampart-bundle --pkcs11) signs with the token, and fails with a wrong PIN and without
# the device.
boot containers 240 -smp 4 -m 2048 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=containers"
log=$logs/containers.log
check "containers: crun runs" "$log" guest_ok "$log" crun
for c in context open-invoke-close params null-short-buffer registered-memory allocated-memory \
	many-sessions ta-to-ta peer-shared-instance ta-properties ta-random; do
	check "containers: tee-test $c in a container with /dev/tee0" "$log" guest_ok "$log" "container-tee-$c"
done
check "containers: tee-test in a container passes and crun exits 0" "$log" guest_ok "$log" container-tee-status
check "containers: the container has its own PID namespace, a read-only root and /dev/tee0" "$log" \
	guest_ok "$log" container-sees
check "containers: crun exits with the container's status (7)" "$log" guest_ok "$log" container-exit-status
check "containers: without the device, the TEE client names /dev/tee0 missing and fails" "$log" \
	guest_ok "$log" container-no-tee
check "containers: a cgroup rule denying /dev/tee0 refuses its open" "$log" guest_ok "$log" container-no-rule
check "containers: tee-supplicant and a client outside still work after" "$log" \
	guest_ok "$log" container-host-after
check "containers: the token's key made outside for it" "$log" guest_ok "$log" container-pkcs11-key
check "containers: a container with the PKCS#11 client signs with the token's key, verified outside" "$log" \
	guest_ok "$log" container-pkcs11-sign
check "containers: a wrong PIN in the container is refused" "$log" guest_ok "$log" container-pkcs11-wrong-pin
check "containers: without the device, the container's pkcs11-tool fails at C_Initialize" "$log" \
	guest_ok "$log" container-pkcs11-no-tee
no_failed() { ! grep -q "^rampart-check: .*: FAILED" "$1"; }
check "containers: no check failed in the guest" "$log" no_failed "$log"
check "containers: the guest script ran to its end" "$log" has "$log" "containers: done"
check "containers: poweroff ends QEMU with status 0" "$log" exited_cleanly
