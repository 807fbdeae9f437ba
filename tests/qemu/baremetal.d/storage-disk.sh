# shellcheck shell=bash disable=SC2154 # top, logs, kernel, initrd: set by run.sh, which sources this
# Trusted storage on the normal world's disk (docs/storage.md, "Atomic updates"): objects
# written in one boot are read in the next, after QEMU restarts; and QEMU killed at random
# moments while a client rewrites 8 objects through every kind of change (create-overwrite,
# grow, shrink and truncate, truncate only) leaves every object one whole version, old or new,
# never CORRUPT_OBJECT, boot after boot; a ninth object goes through empty versions, which
# have no file, and back. The TA persistent time set in the first boot is found in
# every later one.
. "$top/tests/qemu/disk.sh"

storage_vm=(-smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd")
img=$(disk_new storage)
storage_cuts=8
for i in $(seq 1 $storage_cuts); do
	name=storage-cut$i
	disk_start "$name" "$img" "${storage_vm[@]}" -append "console=ttyAMA0 rampart.test=storage-writer"
	log=$logs/$name.log
	if disk_wait "$name" "storage-writer: writing from" 180; then
		disk_power_cut 300 2500
		started=0
	else
		disk_finish 1
		started=1
	fi
	check "$name: the storage writer runs, then the power is cut" "$log" test $started = 0
	if ((i == 1)); then
		check "$name: a fresh disk holds no object" "$log" has "$log" "storage-writer: nothing stored yet"
		check "$name: the TA persistent time is set" "$log" \
			has "$log" "storage-writer: persistent time set to"
		check "$name: an object made empty (no file), written, truncated to 0 reads back right" \
			"$log" has "$log" "storage-writer: pc-e made empty, written, truncated to 0: each read back right"
	else
		check "$name: after QEMU restarts, the 8 objects are there" "$log" \
			has "$log" "storage-writer: 8 objects found"
		check "$name: every object one whole version after the cut" "$log" \
			guest_ok "$log" storage-cut-intact
		# docs/storage.md: the time set, plus this boot's system time only.
		check "$name: the TA persistent time is kept across the restart" "$log" \
			guest_ok "$log" storage-time-reboot
	fi
done
name=storage-cut-check
disk_boot "$name" "$img" 180 "${storage_vm[@]}" \
	-append "console=ttyAMA0 rampart.test=storage-writer rampart.storage.verify-only=1"
log=$logs/$name.log
check "$name: every object one whole version after $storage_cuts cuts" "$log" guest_ok "$log" storage-cut-intact
# The writer stopped only by the cuts, never by a request that failed.
writer_error() { grep -hE "^storage-writer: .*(could not|version [0-9]+|step [0-9]+).*0x[0-9a-f]{8}" "$logs"/storage-cut*.log; }
check "storage-cut: no write failed before a cut" "$logs/storage-cut1.log" eval '! writer_error'
# pc-e goes through empty versions (an index entry, no file) and back: checked, empty or whole.
check "$name: the object with empty versions was checked" "$log" has "$log" "storage-writer: pc-e: "
check "$name: poweroff ends QEMU with status 0" "$log" exited_cleanly
check "$name: the filesystem is consistent (e2fsck -fn)" "$img.fsck" disk_fsck "$img"
