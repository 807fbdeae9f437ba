# shellcheck shell=bash disable=SC2154 # top, work, logs, kernel, initrd, log, rc: set by virt.sh, which sources this
# virt variant: board devices given to VMs whose vCPUs share CPUs with another VM's (docs/
# hypervisor.md "Devices for VMs", "Scheduling"). Two VMs of two vCPUs on -smp 2, each with a
# busy loop running, so vCPUs are switched and moved between the CPUs while their devices work:
# a device's physical SPI must follow the vCPU its guest routes it to. vm0 owns the virtio-blk
# disk and reads a 4 MiB file from it (page cache dropped) twice, its interrupt on vCPU 0 and
# then on vCPU 1, and checks the sum; vm1 owns the PL031 (time, alarm interrupt) and the
# virtio-rng page (random bytes, its interrupt on vCPU 1, 64 KiB read; the virtio-console of
# that page writes to the host). Guest half: tests/qemu/guest/devices.sh. Sourced by
# tests/qemu/virt.sh (uses its helpers).
. "$top/tests/qemu/disk.sh"

token=tok-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
rm -rf "$work/devices-shared-disk"
mkdir -p "$work/devices-shared-disk"
echo "$token" >"$work/devices-shared-disk/rampart-token"
head -c 4194304 /dev/urandom >"$work/devices-shared-disk/rampart-blob"
blob_md5=$(md5sum <"$work/devices-shared-disk/rampart-blob" | cut -d' ' -f1)
img=$(disk_new devices-shared 16 "$work/devices-shared-disk")
now=$(date +%s)
guest="console=ttyAMA0 rampart.test=devices rampart.spin=1"
cat >"$work/devices-shared.dts" <<DTS
/dts-v1/;
/ {
	vm0 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "$guest rampart.disk-token=$token rampart.disk-blob=$blob_md5";
		devices = "virtio_mmio@a003e00";
		dma = "identity";
	};
	vm1 {
		vcpus = <2>;
		memory-mib = <512>;
		bootargs = "$guest rampart.rtc-epoch=$now rampart.rng=1 rampart.rng-bytes=65536 rampart.hvc=$token";
		devices = "pl031@9010000", "virtio_mmio@a000000";
		dma = "identity";
	};
};
DTS
dtc -q -I dts -O dtb -o "$work/devices-shared.dtb" "$work/devices-shared.dts"
rm -f "$work/devices-shared-hvc.out"
disk_args "$img"
start devices-shared devices-shared 2 -kernel "$kernel" -initrd "$initrd" "${qemu_disk[@]}" \
	-device virtio-rng-device,bus=virtio-mmio-bus.0 \
	-device virtio-serial-device,bus=virtio-mmio-bus.1 \
	-chardev "file,id=hvc,path=$work/devices-shared-hvc.out" -device virtconsole,chardev=hvc
finish 1200
log=$logs/devices-shared.log
for vm in vm0 vm1; do
	check "devices-shared: $vm's two vCPUs share CPUs 0-1 with the other VM's" "$log" \
		grep -q "^\[hyp\] $vm: 2 vCPUs sharing CPUs 0-1" "$log"
done
for c in disk disk-blob-on-vcpu0 disk-blob-on-vcpu1; do
	check "devices-shared: vm0: $c" "$log" vm_ok "$log" vm0 "$c"
done
for c in rtc rtc-alarm rng rng-irq-on-vcpu1 rng-bytes hvc-write; do
	check "devices-shared: vm1: $c" "$log" vm_ok "$log" vm1 "$c"
done
check "devices-shared: vm1's virtio-console output reaches the host" "$log" \
	grep -q "^rampart-hvc: $token.\?\$" "$work/devices-shared-hvc.out"
for vm in vm0 vm1; do
	check "devices-shared: $vm's vCPUs ran on both CPUs, switched in and out" "$log" \
		awk -v vm="$vm" '$1 == "[hyp]" && $2 == vm ":" && /of vCPU time/ {
			print "  " substr($0, 7); found = / ran on CPUs 0-1, / }
			END { exit !found }' "$log"
done
check "devices-shared: both VMs power off, then QEMU ends with status 0" "$log" exited_cleanly
