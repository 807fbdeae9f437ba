# shellcheck shell=bash disable=SC2154 # top, work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: VM management from the control VM (docs/hypervisor.md "VM management
# interface"). vm0 is the control VM: with rampart-vm it lists both VMs, types a line into vm1's
# console and reads vm1's answer, stops vm1 (listed off; a second stop refused), starts it (its
# console reaches /init again), restarts it, destroys it, and is refused for an unknown VM and
# for stopping itself. vm1 is refused by the tool and faults on the register page's address.
# Guest half: tests/qemu/guest/vmctl.sh. Sourced by tests/qemu/virt.sh (uses its helpers).
cat >"$work/vmctl.dts" <<'DTS'
/dts-v1/;
/ {
	vm0 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "console=ttyAMA0 rampart.test=vmctl rampart.vmctl=control";
		control;
	};
	vm1 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "console=ttyAMA0 rampart.test=vmctl rampart.vmctl=target";
	};
};
DTS
dtc -q -I dts -O dtb -o "$work/vmctl.dtb" "$work/vmctl.dts"
start vmctl vmctl 4 -kernel "$kernel" -initrd "$initrd"
finish 1500
log=$logs/vmctl.log
check "vmctl: vm0 is the control VM" "$log" \
	has "$log" "[hyp] vm0: the control VM: VM management by HVC 0xc6000000.. and the page at 0xb000000"
for c in control-page-mapped target-ready list-vm0-running-control list-vm1-running console-input \
	stop list-vm1-off stop-again-refused restart-off-refused start start-again-refused \
	start-reaches-init start-target-ready list-vm1-running-again restart restart-reaches-init \
	restart-target-ready destroy list-vm1-destroyed-off destroy-again-refused \
	unknown-vm-refused long-name-refused self-stop-refused self-restart-refused \
	list-vm0-still-running; do
	check "vmctl: vm0: $c" "$log" vm_ok "$log" vm0 "$c"
done
for c in not-control-refused control-page-faults tool-at-page-faults; do
	check "vmctl: vm1: $c" "$log" vm_ok "$log" vm1 "$c"
done
check "vmctl: vm1's access to the page is logged as outside its assignment" "$log" \
	grep -q "^\[hyp\] vm1: vcpu[01]: read of 4 bytes at 0xb000048 outside its assignment" "$log"
check "vmctl: the line typed through vm0 reaches vm1's console" "$log" \
	has "$log" "[vm1] rampart-vmctl: vm1 read 'hello-42'"
check "vmctl: the hypervisor stops vm1 at vm0's request" "$log" has "$log" "[hyp] vm1: stop, asked by vm0"
check "vmctl: ...and vm1 is off" "$log" has "$log" "[hyp] vm1: off; the other VMs keep running"
check "vmctl: vm1 reaches /init three times (boot, start, restart)" "$log" \
	bash -c "[[ \$(grep -c '^\[vm1\] rampart-init: /init reached' '$log') == 3 ]]"
check "vmctl: vm1 brings up both vCPUs each time" "$log" \
	bash -c "[[ \$(grep -c '^\[vm1\] .*smp: Brought up 1 node, 2 CPUs' '$log') == 3 ]]"
check "vmctl: vm0 boots once only" "$log" \
	bash -c "[[ \$(grep -c '^\[vm0\] rampart-init: /init reached' '$log') == 1 ]]"
check "vmctl: vm0 finishes its checks" "$log" has "$log" "[vm0] rampart-info: vmctl checks done"
check "vmctl: QEMU ends with status 0 once vm0 powers off" "$log" exited_cleanly

# At most one control VM.
cat >"$work/vmctl-two.dts" <<'DTS'
/dts-v1/;
/ {
	a { vcpus = <1>; memory-mib = <64>; control; };
	b { vcpus = <1>; memory-mib = <64>; control = <1>; };
};
DTS
dtc -q -I dts -O dtb -o "$work/vmctl-two.dtb" "$work/vmctl-two.dts"
refused vmctl-two "a and b: both are the control VM: at most one is" -kernel "$kernel"
