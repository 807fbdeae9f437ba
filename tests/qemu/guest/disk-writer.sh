#!/bin/sh
# Plain files rewritten in a loop on the disk of tee-supplicant's directory, for the host to cut
# the power at a random moment (tests/qemu/baremetal.d/disk.sh); each boot first checks what the
# last one left.
#
# Four files, f0..f3, in /var/lib/optee-client/cut-test. Write number i (counting on across
# boots) replaces f(i mod 4) the way programs replace files: the new content goes to a temporary
# file, which is then renamed over the old one, with no fsync. Each version holds its write
# number on the first line, 1 to 8 KiB of random bytes (so versions grow and shrink), and the
# SHA-256 of all that on its last line. Every 8th write is followed by a sync, announced on the
# console; nothing else forces the data out.
#
# Checks, at the start of each boot but the first:
#   disk-cut-intact   each file is one whole version: its checksum matches, the write number
#                     is one of the file's own (i mod 4), nothing is left half-written
#   disk-cut-synced   no file is older than its last write before the last sync the console
#                     showed (rampart.disk.synced=N, from the host)
#   disk-cut-replayed the kernel replayed the journal when it mounted the disk (it says so)
# Then rampart.disk.verify-only=1 ends the boot (clean unmount, power-off); otherwise the loop
# runs, up to 4000 writes. With rampart.disk.expect=... on the command line, disk-state.sh runs
# first (one boot then serves both).
. /usr/share/rampart/tests/lib.sh
grep -q "rampart.disk.expect=" /proc/cmdline && /usr/share/rampart/tests/disk-state.sh

d=/var/lib/optee-client/cut-test
synced=
verify_only=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.disk.synced=*) synced=${arg#*=} ;;
	rampart.disk.verify-only=*) verify_only=${arg#*=} ;;
	esac
done

write_version() { # write_version I: replace f(I mod 4) with version I
	f=$d/f$(($1 % 4))
	{
		echo "write $1"
		head -c $((($1 % 8 + 1) * 1024)) /dev/urandom | od -An -v -tx1
	} >"$f.new"
	sum=$(sha256sum <"$f.new")
	echo "sha256 ${sum%% *}" >>"$f.new"
	mv "$f.new" "$f"
}

if [ -d "$d" ]; then
	bad=
	stale=
	last=0
	for k in 0 1 2 3; do
		f=$d/f$k
		[ -f "$f" ] || { bad="$bad f$k:missing"; continue; }
		want=$(tail -n 1 "$f")
		have=$(sed '$d' "$f" | sha256sum)
		n=$(head -n 1 "$f")
		n=${n#write }
		case "$n" in '' | *[!0-9]*) n=x ;; esac
		if [ "$want" != "sha256 ${have%% *}" ] || [ "$n" = x ] || [ $((n % 4)) != $k ]; then
			bad="$bad f$k:$(head -c 40 "$f" | head -n 1)($(wc -c <"$f")B)"
			continue
		fi
		[ "$n" -gt "$last" ] && last=$n
		# The write to f(k) at or before the sync: synced - ((synced - k) mod 4).
		if [ -n "$synced" ] && [ "$synced" -ge $k ] && [ "$n" -lt $((synced - (synced - k) % 4)) ]; then
			stale="$stale f$k:$n"
		fi
	done
	echo "rampart-disk: last write found $last (synced before the cut: ${synced:-none})"
	if [ -z "$bad" ]; then ok disk-cut-intact; else failed disk-cut-intact "$bad"; fi
	if [ -z "$stale" ]; then ok disk-cut-synced; else failed disk-cut-synced "older than the sync at $synced:$stale"; fi
	if dmesg | grep -q "EXT4-fs (vd.*): recovery complete"; then
		ok disk-cut-replayed
	else
		failed disk-cut-replayed "$(dmesg | grep EXT4-fs)"
	fi
	[ -n "$verify_only" ] && exit 0
	i=$((last + 1))
else
	mkdir -p "$d"
	for i in 0 1 2 3; do write_version $i; done
	sync
	echo "rampart-disk: synced 3"
	i=4
fi

echo "rampart-disk: writing from $i"
end=$((i + 4000))
while [ $i -lt $end ]; do
	write_version $i
	if [ $((i % 8)) = 7 ]; then
		sync
		echo "rampart-disk: synced $i"
	fi
	i=$((i + 1))
done
