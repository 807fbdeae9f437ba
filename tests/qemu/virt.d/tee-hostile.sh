# shellcheck shell=bash disable=SC2154 # build, work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: a hostile VM against the trusted OS and the other VM (docs/trusted-os.md,
# "Several VMs"). vm1 runs nwfuzz (tests/nwfuzz, linked for vm1's RAM) instead of Linux: first
# its aimed attacks (messages and page lists in vm0's RAM or the hypervisor's, vm0's session
# IDs, VM_CREATED/VM_DESTROYED/GET_RANDOM, other VMs' threads), then thousands of hostile calls from both
# its vCPUs, then it powers off with calls left suspended. vm0 runs tee-test meanwhile: every
# case passes. Sourced by tests/qemu/virt.sh (uses its helpers).
tee_hostile_dts=$work/tee-hostile.dts
cat >"$tee_hostile_dts" <<'DTS'
/dts-v1/;
/ {
	vm0 {
		vcpus = <2>;
		memory-mib = <512>;
		memory-base = <0 0x70000000>;
		bootargs = "console=ttyAMA0 rampart.test=tee";
	};
	vm1 {
		vcpus = <2>;
		memory-mib = <256>;
		memory-base = <0 0x5e000000>;
		kernel = "opt/rampart/nwfuzz";
		bootargs = "nwfuzz.count=2000 nwfuzz.peer=0x70000000";
	};
};
DTS
dtc -q -I dts -O dtb -o "$work/tee-hostile.dtb" "$tee_hostile_dts"
start tee-hostile tee-hostile 4 -kernel "$kernel" -initrd "$initrd" \
	-fw_cfg "name=opt/rampart/nwfuzz,file=$build/nwfuzz/Image-vm"
finish 2400
slog=$logs/tee-hostile.secure.log
for attack in "message in the other VM's RAM" "message in the hypervisor's RAM" \
	"page list naming the other VM's RAM" "page list naming the hypervisor's RAM" \
	"page list in the other VM's RAM" "invoke and close of session IDs 1-64" \
	"VM_CREATED from a guest" "VM_DESTROYED from a guest" \
	"GET_RANDOM (the VMs' seeds) from a guest" "resume of every thread ID"; do
	check "tee-hostile: vm1's $attack: refused" "$log" has "$log" "[vm1] nwfuzz: attack $attack: refused"
done
check "tee-hostile: vm1's own page still registers (the attacks are not refused for nothing)" \
	"$log" has "$log" "[vm1] nwfuzz: attack control: its own page registers"
check "tee-hostile: no attack of vm1's accepted" "$log" bash -c "! grep -q '^\[vm1\] nwfuzz: FAIL' '$log'"
check "tee-hostile: every one of vm1's hostile calls returned" "$log" \
	grep -q "^\[vm1\] nwfuzz: done: .*every call returned" "$log"
check "tee-hostile: vm0's tee-test passes meanwhile" "$log" \
	grep -Eq "^\[vm0\] tee-test: [0-9]+ passed, 0 failed" "$log"
# TAs killed by their own GP panics are vm0's test cases; the trusted OS's and the monitor's own
# panics are not.
check "tee-hostile: nothing panics in the secure world" "$slog" \
	bash -c "! grep -q 'trusted OS panic\|monitor panic' '$slog'"
check "tee-hostile: vm1's state freed when it powered off, calls in flight and all" "$slog" \
	grep -q "guest 0x[0-9a-f]*02 destroyed: its sessions" "$slog"
check "tee-hostile: nothing of vm1's left charged" "$slog" bash -c "! grep -q 'still charged' '$slog'"
check "tee-hostile: QEMU ends with status 0" "$log" exited_cleanly
