#!/usr/bin/env bash
# Make an ext4 disk image for QEMU's virtio-blk (a raw file), without root: mkfs.ext4 -d fills it.
#
#   rootfs/mkdisk.sh OUT SIZE-MIB LABEL [DIR]
#
# OUT is replaced. DIR, if given, is copied in as the filesystem's root (its files keep their
# modes and owners); without it the filesystem is empty but for lost+found. The root directory
# belongs to root (uid 0). The image is sparse: a fresh 64 MiB disk takes a few MiB of the
# host's disk.
#
# Options, and why:
#   -b 4096                    blocks the size of Linux's pages (mke2fs would take 1 KiB ones
#                              for a filesystem this small)
#   -e remount-ro              on finding corrupt metadata the kernel stops writing, rather than
#                              going on and spreading the damage
#   lazy_itable_init=0,        inode tables and journal zeroed here, not by the kernel's
#   lazy_journal_init=0        ext4lazyinit thread in the background of the first boots (writes
#                              a power-cut test would otherwise race with)
# ext4's default mount options apply: data=ordered and the journal (docs/normal-world.md).
set -euo pipefail

(($# == 3 || $# == 4)) || { echo "usage: $0 OUT SIZE-MIB LABEL [DIR]" >&2; exit 2; }
out=$1
size=$2
label=$3
dir=${4:-}
[[ $size =~ ^[0-9]+$ && $size -ge 8 ]] || { echo "mkdisk: size '$size' MiB: give a whole number, at least 8" >&2; exit 2; }
((${#label} <= 16)) || { echo "mkdisk: label '$label' is longer than ext4's 16 bytes" >&2; exit 2; }
[[ -z $dir || -d $dir ]] || { echo "mkdisk: $dir is not a directory" >&2; exit 2; }
mkfs=$(PATH=$PATH:/sbin:/usr/sbin command -v mkfs.ext4) ||
	{ echo "mkdisk: mkfs.ext4 missing: run 'make setup' (e2fsprogs)" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
rm -f "$out" "$out.tmp"
truncate -s "${size}M" "$out.tmp"
populate=()
[[ -n $dir ]] && populate=(-d "$dir")
"$mkfs" -q -F -t ext4 -b 4096 -L "$label" -e remount-ro \
	-E root_owner=0:0,lazy_itable_init=0,lazy_journal_init=0 "${populate[@]}" "$out.tmp"
mv "$out.tmp" "$out"
