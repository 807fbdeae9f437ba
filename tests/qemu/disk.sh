# shellcheck shell=bash disable=SC2154,SC2034 # top, fw, logs, work, machine: set by the suite; rc: read by it
# Disks for the normal world in the QEMU tests, and power cuts. Sourced after harness.sh by a
# suite that sets $top, $fw, $logs, $work and $machine (tests/qemu/run.sh and virt.sh do).
# Tests never touch the user's build/disk/tee-data.img: each makes its own images here, in
# $work/disk/, the way the build makes that one (rootfs/mkdisk.sh).
#
#   img=$(disk_new NAME [SIZE-MIB] [DIR])
#       A fresh ext4 image, $work/disk/NAME.img (64 MiB unless given), labelled rampart-tee: the
#       label /init looks for to mount at tee-supplicant's directory. With DIR, the filesystem
#       starts with a copy of DIR's content.
#   disk_args IMG [ID]
#       Sets the array qemu_disk to the QEMU arguments that attach IMG as a virtio-blk disk on
#       one of QEMU virt's virtio-mmio transports (ID names the drive, default "disk"):
#         disk_args "$img"; boot NAME 120 -smp 2 ... "${qemu_disk[@]}"
#   disk_start NAME IMG QEMU-ARGS...
#       QEMU in the background with IMG attached (IMG "" for no disk), as run.sh's boot does:
#       console in $logs/NAME.log, secure console in $logs/NAME.secure.log; its pid in
#       $disk_qpid. QEMU-ARGS are the rest (-smp, -m, -kernel, -initrd, -append ...).
#   disk_wait NAME TEXT LIMIT [COUNT]
#       Waits until NAME's console shows TEXT (COUNT times, default 1). Status 1 if QEMU ended
#       first or LIMIT seconds passed (QEMU is left running either way).
#   disk_power_cut MIN-MS MAX-MS
#       The power cut: after a random delay between MIN and MAX ms, SIGKILL to QEMU, which
#       then writes nothing more. The guest's page cache and the requests QEMU had not
#       completed are lost; what QEMU had completed is in the image (the host's page cache
#       keeps it), as a disk that honours flushes keeps what it acknowledged. The delay is in
#       $cut_ms and printed, to replay a failing case by hand.
#   disk_finish LIMIT
#       Waits for QEMU to end by itself; its status in $rc (124 if it had to be killed after
#       LIMIT seconds).
#   disk_boot NAME IMG LIMIT QEMU-ARGS...
#       disk_start, then disk_finish LIMIT: one whole boot that powers off by itself.
#   disk_fsck IMG
#       e2fsck -fn on the host (read-only): status 0 when the filesystem is consistent and
#       clean (no journal waiting for replay); its report in IMG.fsck.
#
# A power-cut test, in outline (see tests/qemu/baremetal.d/disk.sh):
#   img=$(disk_new cut)
#   disk_start cut1 "$img" -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd" \
#       -append "console=ttyAMA0 rampart.test=<writer>"
#   disk_wait cut1 "<writer started>" 120 && disk_power_cut 0 3000
#   disk_boot cut2 "$img" 120 ... -append "console=ttyAMA0 rampart.test=<checker>"
#   check "cut2: ..." "$logs/cut2.log" guest_ok "$logs/cut2.log" <check>

disk_new() {
	local name=$1 size=${2:-64} dir=${3:-}
	local img=$work/disk/$name.img
	mkdir -p "$work/disk"
	bash "$top/rootfs/mkdisk.sh" "$img" "$size" rampart-tee ${dir:+"$dir"} >&2 || return 1
	echo "$img"
}

disk_args() {
	local img=$1 id=${2:-disk}
	# QEMU's option syntax doubles a comma that belongs to a value.
	qemu_disk=(-drive "if=none,file=${img//,/,,},format=raw,id=$id"
		-device "virtio-blk-device,drive=$id")
}

disk_start() {
	local name=$1 img=$2
	shift 2
	qemu_disk=()
	[[ -n $img ]] && disk_args "$img"
	: >"$logs/$name.log"
	qemu-system-aarch64 -M "$machine" -cpu cortex-a57 -display none -monitor none \
		-serial "file:$logs/$name.log" -serial "file:$logs/$name.secure.log" -bios "$fw" \
		"${qemu_disk[@]}" "$@" </dev/null >"$logs/$name.qemu.log" 2>&1 &
	disk_qpid=$!
}

disk_wait() {
	local log=$logs/$1.log text=$2 limit=$3 n=${4:-1} t0=$SECONDS
	while ((SECONDS - t0 < limit)); do
		[[ $(grep -cF -- "$text" "$log" 2>/dev/null) -ge $n ]] && return 0
		kill -0 "$disk_qpid" 2>/dev/null || break
		sleep 0.1
	done
	[[ $(grep -cF -- "$text" "$log" 2>/dev/null) -ge $n ]]
}

disk_power_cut() {
	local min=$1 max=$2
	cut_ms=$((min + (RANDOM * 32768 + RANDOM) % (max - min + 1)))
	echo "  power cut after $cut_ms ms"
	sleep "$(printf '%d.%03d' $((cut_ms / 1000)) $((cut_ms % 1000)))"
	kill -KILL "$disk_qpid" 2>/dev/null
	wait "$disk_qpid" 2>/dev/null
	rc=137
}

disk_finish() {
	local limit=$1 t0=$SECONDS
	while kill -0 "$disk_qpid" 2>/dev/null; do
		if ((SECONDS - t0 >= limit)); then
			kill "$disk_qpid" 2>/dev/null
			wait "$disk_qpid" 2>/dev/null
			rc=124
			return
		fi
		sleep 0.1
	done
	wait "$disk_qpid"
	rc=$?
}

disk_boot() {
	local name=$1 img=$2 limit=$3
	shift 3
	disk_start "$name" "$img" "$@"
	disk_finish "$limit"
}

disk_fsck() {
	local e2fsck
	e2fsck=$(PATH=$PATH:/sbin:/usr/sbin command -v e2fsck) || { echo "e2fsck missing" >"$1.fsck"; return 1; }
	"$e2fsck" -fn "$1" >"$1.fsck" 2>&1
}
