#!/usr/bin/env bash
# QEMU integration tests: boot the firmware with the stock Debian kernel and our initramfs, and
# feed it bad input. Each check prints PASS/FAIL; the last line is "N passed, N failed".
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
variant=${VARIANT:-baremetal}
# The virt variant (hypervisor and VMs) has its own suite.
[[ $variant == virt ]] && exec bash "$top/tests/qemu/virt.sh"
build=$top/build
fw=$build/$variant/firmware.bin
kernel=$build/linux/Image
initrd=$build/rootfs/initramfs.cpio.gz
# The base with the tools archive (crun, the PKCS#11 clients, OpenSSH) over it: only the boots
# that use those take it (docs/normal-world.md).
initrd_tools=$build/rootfs/initramfs-tools.cpio.gz
logs=$build/test-logs/$variant
work=$build/test-work
mkdir -p "$logs" "$work"
rm -f "$logs"/*.log

machine=virt,secure=on,virtualization=on,gic-version=3
. "$top/tests/qemu/harness.sh"
# Disks for the normal world (disk_new, disk_args; power cuts): the boots that run tee-test get
# a fresh one each, as `make run` attaches build/disk/tee-data.img.
. "$top/tests/qemu/disk.sh"

# boot NAME TIMEOUT QEMU-ARGS...: run QEMU to completion; console in $logs/NAME.log, secure
# console in $logs/NAME.secure.log, QEMU's exit status in $rc (124 = killed by the timeout).
boot() {
	local name=$1 limit=$2
	shift 2
	timeout -k 5 "$limit" qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -display none \
		-monitor none -serial "file:$logs/$name.log" -serial "file:$logs/$name.secure.log" \
		-bios "$fw" "$@" </dev/null >"$logs/$name.qemu.log" 2>&1
	rc=$?
}


linux_checks() { # linux_checks NAME CPUS
	local name=$1 cpus=$2 log=$logs/$1.log
	local plural=CPUs
	[[ $cpus == 1 ]] && plural=CPU
	check "$name: Linux finds PSCI v1.1 in our firmware" "$log" has "$log" "psci: PSCIv1.1 detected in firmware."
	check "$name: Linux finds SMCCC v1.2" "$log" has "$log" "psci: SMC Calling Convention v1.2"
	check "$name: Linux brings up $cpus $plural" "$log" has "$log" "smp: Brought up 1 node, $cpus $plural"
	check "$name: /init runs" "$log" has "$log" "rampart-init: /init reached"
	check "$name: every CPU online" "$log" guest_ok "$log" cpus-online
	check "$name: poweroff ends QEMU with status 0" "$log" exited_cleanly
}

# Stock boots at 1, 2 and 4 CPUs.
for n in 1 2; do
	boot "smp$n" 180 -smp "$n" -m 2048 -kernel "$kernel" -initrd "$initrd" \
		-append "console=ttyAMA0 rampart.test=smp"
	linux_checks "smp$n" "$n"
done

disk_args "$(disk_new smp4)"
boot smp4 300 -smp 4 -m 2048 -kernel "$kernel" -initrd "$initrd" "${qemu_disk[@]}" \
	-append "console=ttyAMA0 rampart.test=foundation"
linux_checks smp4 4
log=$logs/smp4.log
check "smp4: CPUs offline and online 25 times in a row" "$log" guest_ok "$log" hotplug
check "smp4: devmem on secure RAM faults" "$log" guest_ok "$log" devmem-faults
check "smp4: devmem on the end of secure RAM faults" "$log" guest_ok "$log" devmem-faults-end
check "smp4: secure RAM is not System RAM" "$log" guest_ok "$log" not-system-ram
check "smp4: secure RAM reserved no-map in the device tree" "$log" guest_ok "$log" reserved-no-map
check "smp4: /secure-chosen hidden from Linux" "$log" guest_ok "$log" secure-chosen-hidden
# The monitor's first instruction word must not show up anywhere in what Linux printed.
secret=$(od -An -tx4 -N4 "$build/$variant/monitor.bin" | tr -d ' ')
no_secret() { ! grep -qi "0x0*$secret" "$1"; }
check "smp4: no secure RAM content leaks to the console" "$log" no_secret "$log"
check "smp4: monitor logs on the secure console" "$logs/smp4.secure.log" has "$logs/smp4.secure.log" "EL3 monitor up"
check "smp4: firmware banner on the normal console" "$log" has "$log" "Rampart"
check "smp4: trusted OS initialised before Linux" "$logs/smp4.secure.log" has "$logs/smp4.secure.log" "trusted OS initialised"
check "smp4: Debian's optee.ko reports our trusted OS revision" "$log" guest_ok "$log" optee-revision
check "smp4: optee.ko probes" "$log" guest_ok "$log" optee-probed
check "smp4: /dev/tee0 exists" "$log" guest_ok "$log" tee0
check "smp4: /dev/teepriv0 exists" "$log" guest_ok "$log" teepriv0
check "smp4: trusted OS DRBG seeded from the board's rng-seed" "$logs/smp4.secure.log" has "$logs/smp4.secure.log" "rng: CTR_DRBG (AES-256) seeded from 32 bytes"
check "smp4: trusted OS verifies a signed TA image with its built-in key at boot" "$logs/smp4.secure.log" has "$logs/smp4.secure.log" "crypto self-test ok"
check "smp4: optee-rng gives /dev/hwrng" "$log" guest_ok "$log" hwrng
check "smp4: the current hwrng is the trusted OS's" "$log" guest_ok "$log" hwrng-optee
check "smp4: /dev/hwrng gives 64 bytes, not all equal" "$log" guest_ok "$log" hwrng-bytes
check "smp4: two /dev/hwrng reads differ" "$log" guest_ok "$log" hwrng-fresh
check "smp4: tee-supplicant runs" "$log" guest_ok "$log" tee-supplicant
# tee-test (userspace/tee-test): one check per case, named as the program names them.
for c in context open-invoke-close params null-short-buffer registered-memory allocated-memory \
	many-sessions ta-to-ta peer-shared-instance all-cpus panic bad-access secure-memref \
	bad-ta-files cancel cancel-wait cancel-masked cancel-not-mine cancel-ta-timeout hwrng \
	ta-heap ta-properties ta-time ta-wait ta-random ta-access-rights fpu-wait fpu-migrate no-leak; do
	check "smp4: tee-test $c" "$log" guest_ok "$log" "tee-$c"
done
tee_test_summary() { grep -qE '^tee-test: [0-9]+ passed, [0-9]+ failed' "$1"; }
check "smp4: tee-test runs to its summary (no crash)" "$log" tee_test_summary "$log"

# One CPU: Linux runs only if the TEE hands its interrupts over while a TA spins at S-EL0.
disk_args "$(disk_new tee-smp1)"
boot tee-smp1 180 -smp 1 -m 1024 -kernel "$kernel" -initrd "$initrd" "${qemu_disk[@]}" \
	-append "console=ttyAMA0 rampart.test=tee-one-cpu"
log=$logs/tee-smp1.log
check "tee-smp1: a TA spinning on the only CPU lets Linux run and cancel it" "$log" guest_ok "$log" tee-cancel
check "tee-smp1: calls work with one CPU" "$log" guest_ok "$log" tee-all-cpus
check "tee-smp1: poweroff ends QEMU with status 0" "$log" exited_cleanly

# reboot: the machine restarts and Linux boots a second time; stop once the second boot has
# looked at the disk (the first left a file there for it).
log=$logs/reboot.log
disk_args "$(disk_new reboot)"
qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -display none -monitor none \
	-serial "file:$log" -serial "file:$logs/reboot.secure.log" -bios "$fw" -smp 2 -m 1024 \
	-kernel "$kernel" -initrd "$initrd" -append "console=ttyAMA0 rampart.test=reboot" \
	"${qemu_disk[@]}" </dev/null >"$logs/reboot.qemu.log" 2>&1 &
qpid=$!
for _ in $(seq 1 900); do
	[[ $(count "$log" "rampart-disk: found") -ge 2 ]] && break
	kill -0 $qpid 2>/dev/null || break
	sleep 0.2
done
kill $qpid 2>/dev/null
wait $qpid 2>/dev/null
boots() { [[ $(count "$1" "rampart-init: /init reached") -ge 2 ]]; }
check "reboot: Linux boots a second time after reboot" "$log" boots "$log"
check "reboot: the monitor handled SYSTEM_RESET" "$log" has "$logs/reboot.secure.log" "SYSTEM_RESET"
check "reboot: both boots bring up both CPUs" "$log" bash -c "[[ \$(grep -c 'smp: Brought up 1 node, 2 CPUs' '$log') -ge 2 ]]"
# The token the first boot left in tee-supplicant's directory is what the second finds.
reboot_kept() {
	local left
	left=$(sed -n 's/^rampart-disk: left //p' "$1" | head -n 1)
	[[ -n $left ]] && grep -qx "rampart-disk: found $left" "$1"
}
check "reboot: a file written in tee-supplicant's directory survives the reboot" "$log" reboot_kept "$log"

# Bad input: a named problem on the console and a clean stop, never a silent hang.
stops_with() { # stops_with NAME TEXT
	local log=$logs/$1.log
	check "$1: the console names the problem" "$log" has "$log" "$2"
	check "$1: the machine stops by itself" "$log" exited_cleanly
}

boot no-kernel 60 -smp 2 -m 1024
stops_with no-kernel "no kernel: start QEMU with -kernel"

head -c 1048576 /dev/urandom >"$work/not-an-image.bin"
boot not-an-image 60 -smp 2 -m 1024 -kernel "$work/not-an-image.bin"
stops_with not-an-image "the kernel is not an arm64 Linux Image"

truncate -s 48M "$work/huge-initrd.img"
boot initrd-too-big 60 -smp 2 -m 64 -kernel "$kernel" -initrd "$work/huge-initrd.img"
stops_with initrd-too-big "the initramfs does not fit in RAM"

# Device trees passed with -dtb that leave no room for our fix-ups: one whose content alone is
# beyond the 2 MiB Linux accepts, one just small enough to copy but too full to fix up.
qemu-system-aarch64 -M "$machine,dumpdtb=$work/virt.dtb" -cpu cortex-a57 -smp 2 -m 1024 \
	-display none -bios "$fw" >/dev/null 2>&1
dtc -q -I dtb -O dts -o "$work/virt.dts" "$work/virt.dtb"
base_size=$(dtc -q -I dts -O dtb "$work/virt.dts" | wc -c)
limit=$((2 * 1024 * 1024 - 4096)) # LINUX_DTB_MAX in boot/linux_layout.h
padded_dtb() { # padded_dtb OUT BLOB-BYTES: QEMU's own tree plus one big property
	head -c "$2" /dev/zero >"$work/blob.bin"
	{ cat "$work/virt.dts"; echo '/ { padding-for-test = /incbin/("blob.bin"); };'; } >"$work/big.dts"
	(cd "$work" && dtc -q -I dts -O dtb -o "$1" big.dts)
}
padded_dtb "$work/dtb-too-big.dtb" 2500000
boot dtb-too-big 60 -smp 2 -m 1024 -kernel "$kernel" -dtb "$work/dtb-too-big.dtb" -append console=ttyAMA0
stops_with dtb-too-big "no room to grow it within the 2093056 bytes Linux accepts"
padded_dtb "$work/dtb-full.dtb" $((limit - base_size - 200))
boot dtb-full 60 -smp 2 -m 1024 -kernel "$kernel" -dtb "$work/dtb-full.dtb" -append console=ttyAMA0
stops_with dtb-full "device tree has no room to grow while"

# Further suites of this variant, one file a topic (sourced: they use the helpers above).
for suite in "$top"/tests/qemu/baremetal.d/*.sh; do
	[[ -e $suite ]] && . "$suite"
done

echo "qemu: $pass passed, $fail failed"
echo "$pass $fail" >"$logs/result"
