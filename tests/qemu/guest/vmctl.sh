#!/bin/sh
# VM management from the control VM (docs/hypervisor.md "VM management interface"), with
# tests/qemu/virt.d/vmctl.sh. rampart.vmctl=control (vm0, the control VM) drives vm1 with
# rampart-vm; rampart.vmctl=target (vm1) checks that it cannot, then waits for a line on its
# console and says what it read.
. /usr/share/rampart/tests/lib.sh

role=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.vmctl=*) role=${arg#rampart.vmctl=} ;;
	esac
done

# expect NAME STATUS TEXT COMMAND...: COMMAND ends with STATUS and its output has TEXT.
expect() {
	name=$1 status=$2 text=$3
	shift 3
	"$@" >/tmp/out 2>&1
	rc=$?
	sed 's/^/rampart-vmctl: | /' /tmp/out
	if [ $rc = "$status" ] && grep -q "$text" /tmp/out; then
		ok "$name"
	else
		failed "$name" "status $rc (wanted $status), '$text' $(grep -q "$text" /tmp/out && echo found || echo missing)"
	fi
}

# state_is NAME VM STATE: rampart-vm list shows VM in STATE (polled up to 10 s).
state_is() {
	i=0
	while [ $i -lt 100 ]; do
		rampart-vm list >/tmp/list 2>&1
		grep -q "^$2 *$3\( \|\$\)" /tmp/list && break
		sleep 0.1
		i=$((i + 1))
	done
	sed 's/^/rampart-vmctl: | /' /tmp/list
	if grep -q "^$2 *$3\( \|\$\)" /tmp/list; then ok "$1"; else failed "$1" "$2 is not $3"; fi
}

# wait_text NAME TEXT: vm1's console shows TEXT (new output only), within 600 s.
wait_text() {
	expect "$1" 0 "$2" rampart-vm console -n -t 600 -u "$2" vm1
}

case "$role" in
control)
	expect control-page-mapped 0 "^NAME " rampart-vm list
	expect target-ready 0 "rampart-vmctl: target ready" \
		rampart-vm console -t 600 -u "rampart-vmctl: target ready" vm1
	state_is list-vm0-running-control vm0 "running .* control"
	state_is list-vm1-running vm1 running
	# Typed input reaches vm1's UART; its reply comes back through the console ring.
	printf 'hello-%s\n' 42 >/tmp/typed
	expect console-input 0 "vm1 read 'hello-42'" \
		rampart-vm console -n -t 300 -u "vm1 read 'hello-42'" vm1 </tmp/typed
	expect stop 0 "vm1: off" rampart-vm stop vm1
	state_is list-vm1-off vm1 off
	expect stop-again-refused 1 "already off" rampart-vm stop vm1
	expect restart-off-refused 1 "already off" rampart-vm restart vm1
	expect start 0 "vm1: starting" rampart-vm start vm1
	expect start-again-refused 1 "already running" rampart-vm start vm1
	wait_text start-reaches-init "rampart-init: /init reached"
	wait_text start-target-ready "rampart-vmctl: target ready"
	state_is list-vm1-running-again vm1 running
	expect restart 0 "vm1: restarting" rampart-vm restart vm1
	wait_text restart-reaches-init "rampart-init: /init reached"
	wait_text restart-target-ready "rampart-vmctl: target ready"
	expect destroy 0 "vm1: destroyed" rampart-vm destroy vm1
	state_is list-vm1-destroyed-off vm1 off
	expect destroy-again-refused 1 "already off" rampart-vm destroy vm1
	expect unknown-vm-refused 1 "no such VM" rampart-vm start nosuch
	expect long-name-refused 1 "no such VM" rampart-vm start a-name-of-sixteen
	expect self-stop-refused 1 "not allowed" rampart-vm stop vm0
	expect self-restart-refused 1 "not allowed" rampart-vm restart vm0
	state_is list-vm0-still-running vm0 "running .* control"
	echo "rampart-info: vmctl checks done"
	;;
target)
	expect not-control-refused 2 "not allowed: this VM is not the control VM" rampart-vm list
	# The page's address is nothing for this VM: the access faults (SIGBUS, status 128 + 7).
	expect control-page-faults 135 "" devmem 0x0b000048 32
	expect tool-at-page-faults 3 "faulted" rampart-vm --at 0x0b000000 list
	echo "rampart-vmctl: target ready"
	line=
	read -t 300 -r line
	echo "rampart-vmctl: vm1 read '$line'"
	touch /tmp/no-poweroff
	;;
*)
	failed vmctl "rampart.vmctl=control or target"
	;;
esac
