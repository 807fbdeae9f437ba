#!/bin/sh
# Where tee-supplicant keeps its files, as /init set it up (tests/qemu/baremetal.d/disk.sh).
#   rampart.disk.expect=ext4   the disk is mounted there, ext4 with data=ordered
#   rampart.disk.expect=tmpfs  no disk: a tmpfs stands in
#   rampart.disk.token=T       print the token an earlier boot left ("rampart-disk: found T" or
#                              "rampart-disk: found nothing"), then leave T for the next boot
. /usr/share/rampart/tests/lib.sh

state=/var/lib/optee-client
dir=$state/data/tee
expect=
token=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.disk.expect=*) expect=${arg#*=} ;;
	rampart.disk.token=*) token=${arg#*=} ;;
	esac
done

# /proc/mounts: "<device> <mount point> <type> <options> 0 0".
mnt=$(grep " $state " /proc/mounts)
echo "rampart-info: $mnt"
# shellcheck disable=SC2086 # split into its fields on purpose
set -- $mnt
case "$expect" in
ext4)
	if [ "$3" = ext4 ] && [ "${1#/dev/vd}" != "$1" ] && [ "${4%%,*}" = rw ]; then
		ok disk-mounted
	else
		failed disk-mounted "$state: '$mnt'"
	fi
	# The options the kernel applies, defaults included (/proc/mounts shows only the others).
	opts=$(tr '\n' ' ' <"/proc/fs/ext4/${1#/dev/}/options" 2>/dev/null)
	case " $opts " in
	*" data=ordered "*) ok disk-data-ordered ;;
	*) failed disk-data-ordered "options: $opts" ;;
	esac
	;;
tmpfs)
	if [ "$3" = tmpfs ]; then ok disk-fallback-tmpfs; else failed disk-fallback-tmpfs "$state: '$mnt'"; fi
	;;
esac

# tee-supplicant's directory is on that filesystem, owner-only, and upstream's /data/tee leads
# there; tee-supplicant runs.
if [ -d "$dir" ] && [ "$(stat -c %d "$dir")" = "$(stat -c %d "$state")" ] &&
	[ "$(stat -c %a "$dir")" = 700 ]; then
	ok disk-tee-dir
else
	failed disk-tee-dir "$(ls -ld "$dir" 2>&1)"
fi
if [ "$(readlink -f /data/tee)" = "$dir" ]; then ok disk-data-tee-link; else failed disk-data-tee-link "$(ls -l /data)"; fi
if pidof tee-supplicant >/dev/null; then ok disk-tee-supplicant; else failed disk-tee-supplicant "not running"; fi

if [ -n "$token" ]; then
	if [ -f "$dir/rampart-disk-token" ]; then
		echo "rampart-disk: found $(cat "$dir/rampart-disk-token")"
	else
		echo "rampart-disk: found nothing"
	fi
	echo "$token" >"$dir/rampart-disk-token.tmp"
	mv "$dir/rampart-disk-token.tmp" "$dir/rampart-disk-token"
	sync
	echo "rampart-disk: left $token"
fi
