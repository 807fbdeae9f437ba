# shellcheck shell=bash disable=SC2154 # kernel, initrd, logs, log: set by virt.sh, which sources this
# The CPU matrix of the virt variant, sourced by tests/qemu/virt.sh (uses its helpers). Each CPU
# model boots the hypervisor and two VMs of one vCPU on two CPUs to their checks and powers off
# (tests/qemu/guest/cpu-features.sh); -cpu max, with SVE, SME, pointer authentication and BTI,
# runs two VMs of two vCPUs with hotplug and checks the guests got those features. A guest
# register access the hypervisor refuses or a VM stopping would show in the log.
cpu_matrix() { # cpu_matrix CPU SMP VCPUS FEATURES
	local cpu=$1 smp=$2 vcpus=$3 feats=$4 name=cpu-${1%%,*}
	local args="console=ttyAMA0 rampart.test=cpu-features rampart.expect-cpus=$vcpus"
	[[ -n $feats ]] && args="$args rampart.expect-features=$feats"
	config "$name" "vm0 $vcpus 256 $args" "vm1 $vcpus 256 $args"
	# QEMU takes the last -cpu given: this one.
	start "$name" "$name" "$smp" -kernel "$kernel" -initrd "$initrd" -cpu "$cpu"
	finish 400
	for vm in vm0 vm1; do
		check "cpus: $cpu: $vm reaches /init" "$log" has "$log" "[$vm] rampart-init: /init reached"
		check "cpus: $cpu: $vm has its $vcpus vCPU(s) online" "$log" vm_ok "$log" "$vm" cpus
		[[ $vcpus -gt 1 ]] &&
			check "cpus: $cpu: $vm vCPU hotplug" "$log" vm_ok "$log" "$vm" hotplug
		[[ -n $feats ]] &&
			check "cpus: $cpu: $vm sees $feats" "$log" vm_ok "$log" "$vm" features
		[[ $feats == *sve* ]] &&
			check "cpus: $cpu: $vm's kernel uses SVE" "$log" vm_ok "$log" "$vm" sve-vector-length
	done
	check "cpus: $cpu: no guest access refused, no VM stopped" "$log" \
		bash -c "! grep -a '^\[hyp\]' '$log' | grep -q 'undefined instruction injected\|VM stopped\|unexpected exception'"
	check "cpus: $cpu: both VMs power off, QEMU ends with status 0" "$log" exited_cleanly
}

for cpu in cortex-a53 cortex-a57 cortex-a72 cortex-a76 neoverse-n1; do
	cpu_matrix "$cpu" 2 1 ""
done
cpu_matrix max,pauth-impdef=on 4 2 sve,sve2,paca,pacg,bti
check "cpus: max: the hypervisor leaves SVE, pointer authentication and BTI to the guests" "$log" \
	grep -q '^\[hyp\] guests get FP/SIMD, SVE.*, pointer authentication, BTI' "$log"
# The hypervisor is built with -mbranch-protection (mk/hyp.mk): -cpu max runs EL2 with both on.
check "cpus: max: EL2 signs its return addresses and guards its code for BTI" "$log" \
	grep -Eq '^\[hyp\] EL2 return-address signing on.*, BTI on' "$log"
