# shellcheck shell=bash disable=SC2154 # top, logs, kernel, initrd: set by run.sh, which sources this
# The normal world's disk (sourced by run.sh): /init mounts it at tee-supplicant's state
# directory, what one boot writes there is read by the next after QEMU restarts, a boot without
# it says that nothing will persist, and power cuts in the middle of file replacements leave a
# filesystem that mounts (journal replayed) with every file old or new and whole.
. "$top/tests/qemu/disk.sh"

disk_vm=(-smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd")

# 1. A boot leaves a random token in tee-supplicant's directory; the next boot of the image, in a
# new QEMU (the first of the power-cut boots, 3.), finds it.
img=$(disk_new persist)
token1=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
token2=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
disk_boot disk-persist1 "$img" 180 "${disk_vm[@]}" \
	-append "console=ttyAMA0 rampart.test=disk-state rampart.disk.expect=ext4 rampart.disk.token=$token1"
log=$logs/disk-persist1.log
check "disk-persist1: /init mounts the disk (ext4, rampart-tee) at /var/lib/optee-client" "$log" \
	has "$log" "rampart-init: /dev/vda (ext4, rampart-tee) mounted at /var/lib/optee-client"
check "disk-persist1: /proc/mounts: /dev/vda on /var/lib/optee-client, ext4, rw" "$log" guest_ok "$log" disk-mounted
check "disk-persist1: mounted with data=ordered" "$log" guest_ok "$log" disk-data-ordered
check "disk-persist1: tee-supplicant's directory data/tee is on the disk, mode 0700" "$log" guest_ok "$log" disk-tee-dir
check "disk-persist1: /data/tee leads to it" "$log" guest_ok "$log" disk-data-tee-link
check "disk-persist1: tee-supplicant runs" "$log" guest_ok "$log" disk-tee-supplicant
check "disk-persist1: a fresh disk holds nothing" "$log" has "$log" "rampart-disk: found nothing"
check "disk-persist1: poweroff ends QEMU with status 0" "$log" exited_cleanly
check "disk-persist1: the disk is left clean (e2fsck -fn)" "$img.fsck" disk_fsck "$img"
# 2. No disk: a tmpfs, and a console line that says objects will not persist.
disk_boot disk-none "" 180 "${disk_vm[@]}" \
	-append "console=ttyAMA0 rampart.test=disk-state rampart.disk.expect=tmpfs"
log=$logs/disk-none.log
check "disk-none: the console says trusted storage will not persist" "$log" \
	has "$log" "rampart-init: no disk attached: tmpfs at /var/lib/optee-client, trusted storage objects will not persist"
check "disk-none: a tmpfs at /var/lib/optee-client" "$log" guest_ok "$log" disk-fallback-tmpfs
check "disk-none: tee-supplicant's directory is there, mode 0700" "$log" guest_ok "$log" disk-tee-dir
check "disk-none: tee-supplicant runs" "$log" guest_ok "$log" disk-tee-supplicant

# 3. Power cuts while files are replaced (tests/qemu/guest/disk-writer.sh), then a boot that
# only checks and unmounts, and e2fsck on the host. The first writer boot is the second boot of
# the image above: it finds what the first left there after the QEMU restart.
synced=
last_synced() { # last_synced LOG: the last "synced N" the writer printed before the cut
	local n
	n=$(sed -n 's/^rampart-disk: synced \([0-9]*\).*/\1/p' "$1" | tail -n 1)
	[[ -n $n ]] && synced=$n
}
cuts=3
for i in $(seq 1 $cuts); do
	name=disk-cut$i
	extra=${synced:+rampart.disk.synced=$synced}
	((i == 1)) && name=disk-persist2 extra="rampart.disk.expect=ext4 rampart.disk.token=$token2"
	disk_start "$name" "$img" "${disk_vm[@]}" \
		-append "console=ttyAMA0 rampart.test=disk-writer $extra"
	log=$logs/$name.log
	if disk_wait "$name" "rampart-disk: writing from" 180; then
		disk_power_cut 500 3000
		started=0
	else
		disk_finish 1
		started=1
	fi
	if ((i == 1)); then
		check "$name: after a QEMU restart the file written by the last boot is there" "$log" \
			has "$log" "rampart-disk: found $token1"
		check "$name: the disk is mounted again" "$log" guest_ok "$log" disk-mounted
	fi
	check "$name: the writer runs, then the power is cut" "$log" test $started = 0
	if ((i > 1)); then
		check "$name: the filesystem mounts after the last cut" "$log" \
			has "$log" "rampart-init: /dev/vda (ext4, rampart-tee) mounted at /var/lib/optee-client"
		check "$name: the kernel replayed the journal" "$log" guest_ok "$log" disk-cut-replayed
		check "$name: every file is one whole version (old or new)" "$log" guest_ok "$log" disk-cut-intact
		check "$name: nothing older than the last sync" "$log" guest_ok "$log" disk-cut-synced
	fi
	last_synced "$log"
done
name=disk-cut-check
disk_boot "$name" "$img" 180 "${disk_vm[@]}" \
	-append "console=ttyAMA0 rampart.test=disk-writer rampart.disk.verify-only=1 rampart.disk.synced=$synced"
log=$logs/$name.log
check "$name: the kernel replayed the journal" "$log" guest_ok "$log" disk-cut-replayed
check "$name: every file is one whole version (old or new)" "$log" guest_ok "$log" disk-cut-intact
check "$name: nothing older than the last sync" "$log" guest_ok "$log" disk-cut-synced
check "$name: poweroff ends QEMU with status 0" "$log" exited_cleanly
check "$name: after $cuts cuts the filesystem is consistent (e2fsck -fn)" "$img.fsck" disk_fsck "$img"
