#!/bin/sh
# Inside a VM of the virt variant that owns board devices (tests/qemu/virt.d/devices.sh): what its
# command line asks for is checked, each with a rampart-check line.
#   rampart.disk-token=T   a virtio-blk disk (ext4) holds the file rampart-token with T in it
#   rampart.rtc-epoch=S    the PL031 reads the host's time (S: seconds since 1970 when QEMU
#                          started) and its alarm interrupt (level-sensitive SPI) arrives
#   rampart.rng=1          virtio-rng gives /dev/hwrng bytes
#   rampart.hvc=T          virtio-console: T written to /dev/hvc0 (the host reads it)
#   rampart.foreign=A,...  addresses of other VMs' devices: reading them faults
#   rampart.then=reboot    reboot when done (the default is power-off)
#   rampart.disk-blob=M    the disk's file rampart-blob has MD5 sum M: read from the disk (page
#                          cache dropped) with the disk's interrupt on vCPU 0, then on vCPU 1
#   rampart.rng-bytes=N    N bytes read from /dev/hwrng
#   rampart.spin=N         N busy loops run meanwhile (the CPUs shared with another VM: its
#                          vCPUs are switched and moved while the devices work)
. /usr/share/rampart/tests/lib.sh

for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.disk-token=*) disk_token=${arg#*=} ;;
	rampart.rtc-epoch=*) rtc_epoch=${arg#*=} ;;
	rampart.rng=*) rng=${arg#*=} ;;
	rampart.hvc=*) hvc=${arg#*=} ;;
	rampart.foreign=*) foreign=${arg#*=} ;;
	rampart.then=*) then=${arg#*=} ;;
	rampart.disk-blob=*) disk_blob=${arg#*=} ;;
	rampart.rng-bytes=*) rng_bytes=${arg#*=} ;;
	rampart.spin=*) spin=${arg#*=} ;;
	esac
done

spinners=
for _ in $(seq "${spin:-0}"); do
	sh -c 'while :; do :; done' &
	spinners="$spinners $!"
done

# wait_for PATH SECONDS: until PATH exists.
wait_for() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt $(($2 * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$1" ]
}

# irqs NAME: the interrupts /proc/interrupts counts on every CPU for lines whose name has NAME.
irqs() {
	awk -v n="$1" '$NF ~ n { for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i }
		END { print s + 0 }' /proc/interrupts
}

# rampart-blob read from the disk twice, its interrupt on vCPU 0 then on vCPU 1; each read must
# give the sum and be completed by interrupts on that vCPU.
blob_reads() {
	dev=$(basename "$(ls -d /sys/bus/virtio/drivers/virtio_blk/virtio* 2>/dev/null | head -1)")
	irq=$(awk -v d="$dev" '$NF == d { sub(":", "", $1); print $1 }' /proc/interrupts)
	for cpu in 0 1; do
		col=$((cpu + 2))
		on_cpu() { awk -v d="$dev" -v c="$col" '$NF == d { print $c }' /proc/interrupts; }
		if [ -z "$irq" ] || ! echo $((1 << cpu)) >"/proc/irq/$irq/smp_affinity"; then
			failed "disk-blob-on-vcpu$cpu" "no IRQ for '$dev' to move"
			continue
		fi
		sync
		echo 3 >/proc/sys/vm/drop_caches
		before=$(on_cpu)
		sum=$(md5sum </mnt/disk/rampart-blob | cut -d' ' -f1)
		after=$(on_cpu)
		echo "rampart-info: rampart-blob read with $dev (IRQ $irq) on vCPU $cpu: $sum, interrupts there $before -> $after"
		if [ "$sum" = "$disk_blob" ] && [ "$after" -gt "$before" ]; then
			ok "disk-blob-on-vcpu$cpu"
		else
			failed "disk-blob-on-vcpu$cpu" "sum $sum, interrupts $before -> $after"
		fi
	done
}

# The virtio-mmio transports in the device tree the hypervisor gave this VM.
modprobe virtio_mmio
echo "rampart-info: virtio devices: $(cat /sys/bus/virtio/devices/*/device 2>/dev/null | tr '\n' ' ')"

if [ -n "$disk_token" ]; then
	modprobe -a virtio_blk ext4
	mkdir -p /mnt/disk
	# With the TEE in this VM, /init has mounted the disk (label rampart-tee) for
	# tee-supplicant already: read the file there.
	at=$(awk '$1 == "/dev/vda" { print $2 }' /proc/mounts)
	if [ -n "$at" ]; then
		mount -o bind "$at" /mnt/disk
	fi
	if ! wait_for /dev/vda 60; then
		failed disk "no /dev/vda"
	elif [ -z "$at" ] && ! mount -t ext4 -o ro /dev/vda /mnt/disk; then
		failed disk "mount /dev/vda failed"
	elif [ "$(cat /mnt/disk/rampart-token 2>&1)" = "$disk_token" ]; then
		ok disk
		[ -n "$disk_blob" ] && blob_reads
		umount /mnt/disk
	else
		failed disk "rampart-token reads '$(cat /mnt/disk/rampart-token 2>&1)'"
	fi
	grep virtio /proc/interrupts | sed 's/^/rampart-info: /'
fi

if [ -n "$rtc_epoch" ]; then
	rtc=/sys/class/rtc/rtc0
	now=$(cat $rtc/since_epoch 2>/dev/null)
	echo "rampart-info: rtc0 $(cat $rtc/name 2>&1) since_epoch=$now host-start=$rtc_epoch"
	# The guest may take many minutes to get here on a loaded host; never before QEMU started.
	if [ -n "$now" ] && [ "$now" -ge $((rtc_epoch - 5)) ] && [ "$now" -le $((rtc_epoch + 3600)) ] &&
		grep -q pl031 $rtc/name; then
		ok rtc
	else
		failed rtc "since_epoch '$now', QEMU started at $rtc_epoch"
	fi
	# The alarm: the PL031 raises its (level-sensitive) interrupt when the counter reaches the
	# match register; the driver clears it in its handler.
	before=$(irqs pl031)
	echo 0 >$rtc/wakealarm
	echo +2 >$rtc/wakealarm
	i=0
	while [ "$(irqs pl031)" = "$before" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	after=$(irqs pl031)
	grep pl031 /proc/interrupts | sed 's/^/rampart-info: /'
	if [ "$after" -gt "$before" ] && [ -z "$(cat $rtc/wakealarm)" ]; then
		ok rtc-alarm
	else
		failed rtc-alarm "pl031 interrupts $before -> $after, wakealarm '$(cat $rtc/wakealarm)'"
	fi
fi

if [ -n "$rng" ]; then
	modprobe virtio-rng
	cur=/sys/class/misc/hw_random/rng_current
	i=0
	while ! grep -q virtio "$cur" 2>/dev/null && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	a=$(dd if=/dev/hwrng bs=32 count=1 2>/dev/null | od -An -tx1 | tr -d ' \n')
	b=$(dd if=/dev/hwrng bs=32 count=1 2>/dev/null | od -An -tx1 | tr -d ' \n')
	echo "rampart-info: hwrng $(cat $cur 2>&1): $a"
	if grep -q virtio "$cur" && [ ${#a} = 64 ] && [ ${#b} = 64 ] && [ "$a" != "$b" ] &&
		[ "$a" != "$(printf '%064d' 0)" ]; then
		ok rng
	else
		failed rng "rng_current '$(cat $cur 2>&1)', reads '$a' '$b'"
	fi
	# Its interrupt moved to the second vCPU (the hypervisor routes the physical SPI after the
	# virtual one): more reads complete there.
	dev=$(basename "$(ls -d /sys/bus/virtio/drivers/virtio_rng/virtio* 2>/dev/null | head -1)")
	irq=$(awk -v d="$dev" '$NF == d { sub(":", "", $1); print $1 }' /proc/interrupts)
	on_cpu1() { awk -v d="$dev" '$NF == d { print $3 }' /proc/interrupts; }
	if [ -n "$irq" ] && [ "$(nproc)" -ge 2 ] && echo 2 >"/proc/irq/$irq/smp_affinity"; then
		before=$(on_cpu1)
		dd if=/dev/hwrng bs=32 count=4 2>/dev/null | od -An -tx1 >/dev/null
		after=$(on_cpu1)
		grep "$dev\$" /proc/interrupts | sed 's/^/rampart-info: /'
		if [ "$after" -gt "$before" ]; then
			ok rng-irq-on-vcpu1
		else
			failed rng-irq-on-vcpu1 "$dev (IRQ $irq) on CPU1: $before -> $after"
		fi
	else
		failed rng-irq-on-vcpu1 "no IRQ for '$dev' to move, or one vCPU"
	fi
	if [ -n "$rng_bytes" ]; then
		n=$(head -c "$rng_bytes" /dev/hwrng | wc -c)
		echo "rampart-info: $n bytes from /dev/hwrng"
		grep "$dev\$" /proc/interrupts | sed 's/^/rampart-info: /'
		if [ "$n" = "$rng_bytes" ]; then
			ok rng-bytes
		else
			failed rng-bytes "$n of $rng_bytes bytes"
		fi
	fi
fi

if [ -n "$hvc" ]; then
	modprobe virtio_console
	# /dev/hvc0 exists before the virtio console port is bound to it (the hvc driver's lines
	# are there from the start): until then a write gets ENODEV, so try for a while.
	written=
	if wait_for /dev/hvc0 60; then
		for _ in $(seq 60); do
			echo "rampart-hvc: $hvc" 2>/dev/null >/dev/hvc0 && written=1 && break
			sleep 1
		done
	fi
	if [ -n "$written" ]; then
		ok hvc-write
	else
		failed hvc-write "no /dev/hvc0: $(ls /dev/hvc* /dev/vport* /sys/class/virtio-ports 2>&1 | tr '\n' ' ')"
		dmesg | grep -i "virtio\|hvc" | tail -5
		grep -i "virtio\|pl031" /proc/interrupts
	fi
fi

# Another VM's device: not in this VM's stage 2. The read faults (SIGBUS) and prints no value.
for addr in $(echo "$foreign" | tr ',' ' '); do
	out=$(devmem "$addr" 32 2>&1)
	rc=$?
	echo "rampart-info: devmem $addr rc=$rc out=[$out]"
	if [ $rc -ne 0 ] && ! echo "$out" | grep -q '^0x'; then
		ok "foreign-device-faults-$addr"
	else
		failed "foreign-device-faults-$addr" "read $out"
	fi
done
[ -n "$spinners" ] && kill $spinners
echo "rampart-info: device checks done"
if [ "$then" = reboot ]; then
	sync
	reboot -f
fi
