# shellcheck shell=bash disable=SC2154 # build, work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: the hypervisor's calls from a bare-metal guest, which Linux user space cannot
# make (docs/hypervisor.md "VM management interface", "PSCI for vCPUs"). nwfuzz (tests/nwfuzz,
# linked for vm1's RAM) runs as vm1 beside a Linux vm0 and issues HVCs and SMCs at EL1:
#  1. as the control VM, each vCPU on a CPU of its own (-smp 4): the VM management calls
#     (tests/nwfuzz/vmctl.c): queries, list and info, hostile arguments refused by name, vm0
#     stopped, seen off, started again to /init, typed into and destroyed; then CPU_SUSPEND
#     (tests/nwfuzz/suspend.c);
#  2. as another VM, on CPUs shared with vm0 (-smp 2, four vCPUs): every management call
#     NOT_SUPPORTED and vm0 untouched; CPU_SUSPEND again, where a sleeping vCPU gives its CPU
#     away.
# Sourced by tests/qemu/virt.sh (uses its helpers).
vm_calls_config() { # vm_calls_config NAME CONTROL VM0-ARGS VM1-ARGS
	cat >"$work/$1.dts" <<DTS
/dts-v1/;
/ {
	vm0 {
		vcpus = <2>;
		memory-mib = <512>;
		memory-base = <0 0x70000000>;
		bootargs = "$3";
	};
	vm1 {
		vcpus = <2>;
		memory-mib = <256>;
		memory-base = <0 0x5e000000>;
		kernel = "opt/rampart/nwfuzz";
		bootargs = "$4";
		$2
	};
};
DTS
	dtc -q -I dts -O dtb -o "$work/$1.dtb" "$work/$1.dts"
}

# Every suspend check by the name nwfuzz prints (tests/nwfuzz/suspend.c).
suspend_checks=(
	"suspend PSCI_FEATURES(CPU_SUSPEND): original power_state format, platform-coordinated"
	"suspend PSCI_FEATURES(CPU_SUSPEND64): the same"
	"suspend standby (StateID 1, HVC)" "suspend standby (StateID 1, SMC)"
	"suspend retention (StateID 2, SMC32, garbage upper half)"
	"suspend standby (StateID 0, StateType 0)"
	"suspend refused: reserved bit 17 set" "suspend refused: reserved bit 31 set"
	"suspend refused: reserved bit 26 set"
	"suspend refused: PowerLevel 1 (a vCPU has no cluster)"
	"suspend refused: PowerLevel 3 powerdown"
	"suspend refused: StateID 3 (powerdown) with StateType standby"
	"suspend refused: StateID 1 (standby) with StateType powerdown"
	"suspend refused: unknown StateID 4" "suspend refused: unknown StateID 0xffff"
	"suspend refused: powerdown to an entry point in the hypervisor's RAM"
	"suspend refused: powerdown to a misaligned entry point"
	"suspend refused: powerdown to entry point 0"
	"suspend powerdown: resumes at its entry point with context_id in x0"
	"suspend powerdown: the MMU and data cache are off at the entry point"
	"suspend powerdown: D, A, I and F masked at the entry point"
	"suspend powerdown: at EL1"
	"suspend powerdown: wakes after its timer, not before"
	"suspend powerdown: the timer's interrupt is pending at the entry point"
)
suspend_ok() { # suspend_ok NAME: every suspend check of vm1 passed
	local c
	for c in "${suspend_checks[@]}"; do
		check "$1: vm1's $c" "$log" has "$log" "[vm1] nwfuzz: $c: ok"
	done
}

# 1. nwfuzz as the control VM.
vm_calls_config vm-calls-control "control;" "console=ttyAMA0" "nwfuzz.vmctl=2 nwfuzz.suspend=1"
start vm-calls-control vm-calls-control 4 -kernel "$kernel" -initrd "$initrd" \
	-fw_cfg "name=opt/rampart/nwfuzz,file=$build/nwfuzz/Image-vm"
finish 1500
for c in "hvc call count query: 8" "hvc UID query: 76c2d439-4910-4af2-9fee-b7833633d86c" \
	"hvc revision query: 1.0" "hvc list: vm0 and vm1, vm1 the control VM" \
	"hvc refused: VM_NAME of index 2 (past the last VM): UNKNOWN_VM" \
	"hvc refused: VM_NAME of index 2^32 (its low half vm0's): UNKNOWN_VM" \
	"hvc refused: VM_INFO of index 2^64-1: UNKNOWN_VM" \
	"hvc refused: VM_INFO of index 2^32 + vm0's: UNKNOWN_VM" \
	"hvc info of itself: running, 2 vCPUs, control, 256 MiB" \
	"hvc info of vm0: running, 2 vCPUs, 512 MiB, first boot" \
	"hvc VM_INFO with garbage in x2-x17 (by SMC): the same answer" \
	"hvc refused: IDs of the range that are not calls (0xC6000008, 0xC600FF00, SMC32 and yielding forms...): NOT_SUPPORTED" \
	"hvc refused: stop of a VM nobody has (vm9): UNKNOWN_VM" \
	"hvc refused: start of an empty name: INVALID" "hvc refused: stop of a name with no NUL: INVALID" \
	"hvc refused: stop of vm0 with a byte after its NUL: INVALID" \
	"hvc refused: the control VM stopping itself: NOT_ALLOWED" \
	"hvc refused: the control VM destroying itself: NOT_ALLOWED" \
	"hvc refused: the control VM restarting itself: NOT_ALLOWED" \
	"hvc refused: the control VM starting itself: ALREADY_RUNNING" \
	"hvc refused: console write of 0 bytes: INVALID" "hvc refused: console write of 17 bytes: INVALID" \
	"hvc refused: console write of 2^64-1 bytes: INVALID" "hvc console read: vm0 reaches /init" \
	"hvc stop vm0" "hvc info: vm0 is off after the stop" \
	"hvc refused: a second stop of vm0: ALREADY_OFF" "hvc refused: restart of vm0 while off: ALREADY_OFF" \
	"hvc refused: destroy of vm0 while off: ALREADY_OFF" "hvc console write to vm0 while off: nothing taken" \
	"hvc start vm0" "hvc refused: a second start of vm0: ALREADY_RUNNING (or BUSY)" \
	"hvc info of vm0: running, second boot" "hvc console read: vm0 reaches /init again after the start" \
	"hvc console write: a command typed into vm0's shell answers" "hvc destroy vm0" \
	"hvc info: vm0 is off after the destroy" "hvc x4-x17 preserved by every call (SMCCC 1.1)"; do
	check "vm-calls-control: vm1's $c" "$log" has "$log" "[vm1] nwfuzz: $c: ok"
done
suspend_ok vm-calls-control
check "vm-calls-control: no check of vm1's failed" "$log" \
	grep -q "^\[vm1\] nwfuzz: hypervisor checks done: [0-9]* ok, 0 failed" "$log"
for what in stop start destroy; do
	check "vm-calls-control: the hypervisor logs vm0's $what, asked by vm1" "$log" \
		has "$log" "[hyp] vm0: $what, asked by vm1"
done
check "vm-calls-control: vm0 reaches /init twice (boot, start)" "$log" \
	bash -c "[[ \$(grep -c '^\[vm0\] rampart-init: /init reached' '$log') == 2 ]]"
check "vm-calls-control: QEMU ends with status 0 once both are off" "$log" exited_cleanly

# 2. nwfuzz as another VM, on shared CPUs.
vm_calls_config vm-calls-other "" "console=ttyAMA0 rampart.test=poweroff" "nwfuzz.vmctl=1 nwfuzz.suspend=1"
start vm-calls-other vm-calls-other 2 -kernel "$kernel" -initrd "$initrd" \
	-fw_cfg "name=opt/rampart/nwfuzz,file=$build/nwfuzz/Image-vm"
finish 900
check "vm-calls-other: the four vCPUs share the two CPUs" "$log" \
	grep -q "^\[hyp\] vm1: 2 vCPUs sharing CPUs" "$log"
for c in "hvc as another VM: every call of the range is NOT_SUPPORTED" \
	"hvc as another VM: no call gives anything back in x1-x3" \
	"hvc x4-x17 preserved by every call (SMCCC 1.1)"; do
	check "vm-calls-other: vm1's $c" "$log" has "$log" "[vm1] nwfuzz: $c: ok"
done
check "vm-calls-other: nothing is asked of the hypervisor for vm1" "$log" \
	bash -c "! grep -q 'asked by vm1' '$log'"
check "vm-calls-other: vm0 boots once and powers itself off" "$log" \
	bash -c "[[ \$(grep -c '^\[vm0\] rampart-init: /init reached' '$log') == 1 ]] && grep -q '^\[vm0\] rampart-info: powering off' '$log'"
suspend_ok vm-calls-other
check "vm-calls-other: no check of vm1's failed" "$log" \
	grep -q "^\[vm1\] nwfuzz: hypervisor checks done: [0-9]* ok, 0 failed" "$log"
# 2.5 s asleep (four standby calls and the powerdown, 500 ms each): a vCPU blocked in
# CPU_SUSPEND runs nothing, so its CPU time is what nwfuzz did around it.
check "vm-calls-other: vm1 sleeping in CPU_SUSPEND used under 1.25 s of CPU time" "$log" \
	awk '/^\[hyp\] vm1: [0-9.]+ s of vCPU time/ { found = 1; print "  vm1: " $3 " s of vCPU time"; ok = $3 < 1.25 }
		END { exit !(found && ok) }' "$log"
check "vm-calls-other: QEMU ends with status 0 once both are off" "$log" exited_cleanly
