# shellcheck shell=bash disable=SC2154 # kernel, initrd, logs, log: set by virt.sh, which sources this
# Hypervisor hardening, sourced by tests/qemu/virt.sh (uses its helpers). One boot: both VMs
# try to forge console lines and send terminal escapes (tests/qemu/guest/console-forge.sh);
# their kernels' own PMU and debug register accesses at boot trap to EL2; the hypervisor has
# checked its EL2 map (W^X, no VM RAM) with the MMU before starting them.
forge_args="console=ttyAMA0 rampart.test=console-forge"
config forge "vm0 1 256 $forge_args" "vm1 1 256 $forge_args"
start forge forge 2 -kernel "$kernel" -initrd "$initrd"
finish 400
log=$logs/forge.log
for vm in vm0 vm1; do
	other=vm1
	[[ $vm == vm1 ]] && other=vm0
	check "hardening: $vm's forged [hyp] line is tagged as $vm's" "$log" \
		grep -qxF "[$vm] [hyp] $vm: forged hypervisor line"$'\r' "$log"
	check "hardening: $vm's line claiming to be $other's is tagged as $vm's" "$log" \
		grep -qxF "[$vm] [$other] forged line claimed for the other VM by $vm"$'\r' "$log"
	check "hardening: $vm's carriage return ends its line; what follows is tagged" "$log" \
		bash -c "grep -qxF '[$vm] progress of $vm'$'\r' '$log' &&
			grep -qxF '[$vm] [hyp] $vm: forged after a carriage return'$'\r' '$log'"
	check "hardening: $vm's terminal escapes are shown escaped" "$log" \
		grep -qxF "[$vm] escapes from $vm: \\x1b[2J\\x1b]0;pwned\\x07\\x1b[1;1H\\x9b 31m\\x08\\x08\\x08\\x08\\x7f end"$'\r' "$log"
	check "hardening: $vm's line continued after a pause is still tagged $vm" "$log" \
		bash -c "grep -a 'hyp\] $vm: continued after a pause' '$log' | grep -q . &&
			! grep -a 'hyp\] $vm: continued after a pause' '$log' | grep -qv '^\[$vm\] '"
	check "hardening: $vm's boot-time debug register accesses trapped and emulated" "$log" \
		grep -q "^\[hyp\] $vm: vcpu0: M[RS][SR] S2_0_.* (debug register, pc .*): emulated" "$log"
	check "hardening: $vm's boot-time PMU accesses trapped (no PMU for guests)" "$log" \
		grep -q "^\[hyp\] $vm: vcpu0: M[RS][SR] S3_3_C9_.* (PMU register, pc .*): no PMU for guests" "$log"
	check "hardening: $vm ran its script to the end" "$log" has "$log" "[$vm] rampart-info: console forging done"
done
check "hardening: no line starts with [hyp] unless the hypervisor wrote it" "$log" \
	bash -c "! grep -a '^\[hyp\] ' '$log' | grep -q 'forged\|continued'"
check "hardening: no terminal control byte (ESC, BEL, BS, DEL, C1) reaches the console" "$log" \
	bash -c "! LC_ALL=C grep -aq \$'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\xff]' '$log'"
check "hardening: no carriage return inside a line" "$log" bash -c "! LC_ALL=C grep -aqP '\r.' '$log'"
check "hardening: every console line carries a tag" "$log" \
	bash -c "! grep -a -v '^\[\(vm0\|vm1\|hyp\)\] \|^rampart-boot\|^\s*$' '$log' | grep -q ."
check "hardening: the EL2 map is W^X with no VM RAM, checked by the MMU" "$log" has "$log" \
	"[hyp] EL2 memory: code read-only, data execute-never (SCTLR_EL2.WXN), VM RAM not mapped: checked"
check "hardening: both VMs power off, QEMU ends with status 0" "$log" exited_cleanly
