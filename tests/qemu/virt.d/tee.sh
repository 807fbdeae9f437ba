# shellcheck shell=bash disable=SC2154 # work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: the trusted OS for every VM (docs/hypervisor.md "The trusted OS for VMs"). Debian's
# optee.ko, libteec and tee-supplicant in each VM; the hypervisor forwards their SMCs under a
# client ID of each VM's own; the trusted OS keeps each VM's sessions, memory and TA instances
# apart, with a share of each table, and frees all of a VM's state when it stops or reboots.
# Guest halves: tests/qemu/guest/tee*.sh. Sourced by tests/qemu/virt.sh (uses its helpers).

tee_dts() { # tee_dts NAME VM-BODY...: a configuration, each VM-BODY "name|properties"
	local name=$1
	shift
	{
		echo '/dts-v1/;'
		echo '/ {'
		for spec in "$@"; do
			echo "${spec%%|*} { ${spec#*|} };"
		done
		echo '};'
	} >"$work/$name.dts"
	dtc -q -I dts -O dtb -o "$work/$name.dtb" "$work/$name.dts"
}
secure_has_no() { ! grep -q -- "$2" "$1"; } # secure_has_no LOG TEXT

# 1. tee-test in both VMs at once, each on its two vCPUs: every case passes in each.
config tee-two "vm0 2 512 console=ttyAMA0 rampart.test=tee" "vm1 2 512 console=ttyAMA0 rampart.test=tee"
start tee-two tee-two 4 -kernel "$kernel" -initrd "$initrd"
finish 2400
slog=$logs/tee-two.secure.log
for vm in vm0 vm1; do
	check "tee-two: $vm: optee.ko probes the trusted OS" "$log" vm_ok "$log" "$vm" optee-probed
	check "tee-two: $vm: tee-supplicant runs" "$log" vm_ok "$log" "$vm" tee-supplicant
	check "tee-two: $vm: every tee-test case passes" "$log" \
		grep -Eq "^\[$vm\] tee-test: [0-9]+ passed, 0 failed" "$log"
	check "tee-two: $vm: calls from both its vCPUs" "$log" \
		grep -q "^\[$vm\] tee-test: single-instance open/close: 4 threads on 2 CPUs" "$log"
done
check "tee-two: the trusted OS takes both VMs as guests" "$slog" \
	bash -c "[[ \$(grep -c 'guest 0x[0-9a-f]* created' '$slog') == 2 ]]"
check "tee-two: each VM's state freed when it powers off" "$slog" \
	bash -c "[[ \$(grep -c 'guest 0x[0-9a-f]* destroyed: its sessions' '$slog') == 2 ]]"
check "tee-two: nothing left charged to a powered-off VM" "$slog" secure_has_no "$slog" "still charged"
check "tee-two: QEMU ends with status 0" "$log" exited_cleanly

# 2. Shares and configuration: vm0 opens sessions until refused and holds them; vm1 then opens
# 32 of its own; vm2 is configured without the TEE.
tee_dts tee-share \
	'vm0|vcpus = <1>; memory-mib = <256>; bootargs = "console=ttyAMA0 rampart.test=tee-flood";' \
	'vm1|vcpus = <1>; memory-mib = <256>; bootargs = "console=ttyAMA0 rampart.test=tee-later";' \
	'vm2|vcpus = <1>; memory-mib = <256>; tee = "none"; bootargs = "console=ttyAMA0 rampart.test=tee-absent";'
start tee-share tee-share 4 -kernel "$kernel" -initrd "$initrd"
finish 900
flood=$(sed -n 's/^\[vm0\] tee-test: session flood: opened \([0-9]*\), then 0xffff000d.*/\1/p' "$log")
check "tee-share: vm0 is refused BUSY at its share of the sessions (128 / 2 guests)" "$log" \
	test "${flood:-0}" -ge 60 -a "${flood:-0}" -le 64
line_of() { grep -nF -- "$2" "$1" | head -1 | cut -d: -f1; }
held=$(line_of "$log" "[vm0] tee-test: session flood: opened")
later=$(line_of "$log" "[vm1] tee-test: starting while the other VM holds")
released=$(line_of "$log" "[vm0] tee-test: session flood: released")
check "tee-share: vm1 runs its cases while vm0 holds its sessions" "$log" \
	test "${held:-999999}" -lt "${later:-0}" -a "${later:-999999}" -lt "${released:-0}"
check "tee-share: vm1's cases, 32 sessions at once among them, pass" "$log" \
	grep -q "^\[vm1\] tee-test: 3 passed, 0 failed" "$log"
check "tee-share: vm0 opens a session again once it let its go" "$log" \
	has "$log" "[vm0] tee-test: session flood: released; a new session: 0x00000000"
check "tee-share: vm2 (tee = \"none\") has no OP-TEE node and no TEE device" "$log" \
	vm_ok "$log" vm2 tee-absent
check "tee-share: the trusted OS saw two guests, not three" "$logs/tee-share.secure.log" \
	bash -c "[[ \$(grep -c 'guest 0x[0-9a-f]* created' '$logs/tee-share.secure.log') == 2 ]]"
check "tee-share: QEMU ends with status 0" "$log" exited_cleanly

# 3. vm1 reboots ten times with TEE calls in flight while vm0 calls the TEE all along: no call
# of vm0's fails, and each time the trusted OS frees everything vm1 had.
config tee-reboot "vm0 2 512 console=ttyAMA0 rampart.test=tee-steady rampart.steady-rounds=12" \
	"vm1 2 512 console=ttyAMA0 rampart.test=tee-reboot"
start tee-reboot tee-reboot 4 -kernel "$kernel" -initrd "$initrd"
wait_for 11 "[vm1] rampart-info: rebooting with TEE calls in flight" 1500
wait_for 1 "[vm0] tee-steady: done" 900
stop
log=$logs/tee-reboot.log
slog=$logs/tee-reboot.secure.log
check "tee-reboot: vm1 rebooted ten times with TEE calls in flight" "$log" \
	bash -c "[[ \$(grep -c '^\[vm1\] rampart-info: rebooting with TEE calls in flight' '$log') -ge 11 ]]"
check "tee-reboot: vm0 called the TEE through it, every round passing" "$log" \
	bash -c "[[ \$(grep -c '^\[vm0\] rampart-check: tee-steady-[0-9]*: ok' '$log') == 12 ]]"
check "tee-reboot: no round of vm0's failed" "$log" \
	bash -c "! grep -q '^\[vm0\] rampart-check: tee-steady-[0-9]*: FAILED' '$log'"
check "tee-reboot: the trusted OS freed vm1's state at every reboot" "$slog" \
	bash -c "[[ \$(grep -c 'guest 0x[0-9a-f]*02 destroyed: its sessions' '$slog') -ge 10 ]]"
check "tee-reboot: nothing of vm1's left charged (heap, pages) after any reboot" "$slog" \
	secure_has_no "$slog" "still charged"
check "tee-reboot: no VM_DESTROYED refused for good" "$log" \
	bash -c "! grep -q 'its TEE state is not freed\|would not end' '$log'"

# 4. A VM's kernel panics with TEE calls in flight and resets itself (panic=1): its TEE state is
# freed as at a reboot, and the other VM's calls go on passing.
config tee-panic "vm0 2 512 console=ttyAMA0 rampart.test=tee-steady rampart.steady-rounds=4" \
	"vm1 2 512 console=ttyAMA0 panic=1 rampart.test=tee-panic"
start tee-panic tee-panic 4 -kernel "$kernel" -initrd "$initrd"
wait_for 2 "[vm1] rampart-info: panicking with TEE calls in flight" 900
wait_for 1 "[vm0] tee-steady: done" 900
stop
log=$logs/tee-panic.log
slog=$logs/tee-panic.secure.log
check "tee-panic: vm1's kernel panics with TEE calls in flight" "$log" \
	grep -q "^\[vm1\] .*Kernel panic" "$log"
check "tee-panic: the hypervisor restarts vm1 at its kernel's reset" "$log" \
	has "$log" "[hyp] vm1: reset by its kernel"
check "tee-panic: the trusted OS freed what vm1 had at the panic" "$slog" \
	grep -q "guest 0x[0-9a-f]*02 destroyed: its sessions" "$slog"
check "tee-panic: vm1's call suspended in an RPC was ended first (VM_DESTROYED: EBUSY)" "$slog" \
	grep -q "VM_DESTROYED 0x[0-9a-f]*02: [0-9]* of its calls are still on threads" "$slog"
check "tee-panic: nothing of vm1's left charged" "$slog" secure_has_no "$slog" "still charged"
check "tee-panic: vm0's rounds all pass meanwhile" "$log" \
	bash -c "[[ \$(grep -c '^\[vm0\] rampart-check: tee-steady-[0-9]*: ok' '$log') == 4 ]]"
