#!/usr/bin/env bash
# Broken TA files for tee-test's bad-ta-files case, made from good signed TAs so that only the
# one defect differs. The TA build leaves three signed variants of the peer TA in
# build/ta/broken-src/, each built with its own UUID:
#   5ee1c0de-7a11-4e57-9a6e-626164000001.ta  signed with the project key -> truncated here
#   5ee1c0de-7a11-4e57-9a6e-626164000002.ta  signed with the project key -> one byte flipped here
#   5ee1c0de-7a11-4e57-9a6e-626164000003.ta  signed with another key     -> shipped as is
# and this script writes the broken files into DEST (the initramfs's /lib/optee_armtz).
#   rootfs/broken-tas.sh SRC-DIR DEST-DIR
set -euo pipefail

src=$1
dest=$2
prefix=5ee1c0de-7a11-4e57-9a6e-6261640000

if [[ ! -d $src ]]; then
	echo "rootfs: no $src: the bad-ta-files case of tee-test will report the files missing"
	exit 0
fi
for n in 01 02 03; do
	f=$src/$prefix$n.ta
	[[ -f $f ]] || { echo "rootfs: $f missing: the TA build makes it" >&2; exit 1; }
	size=$(stat -c %s "$f")
	((size > 64)) || { echo "rootfs: $f is only $size bytes" >&2; exit 1; }
done

# (a) Truncated: the signed header is whole, the ELF it covers is cut in half.
size=$(stat -c %s "$src/${prefix}01.ta")
head -c $((size / 2)) "$src/${prefix}01.ta" >"$dest/${prefix}01.ta"

# (b) Tampered: the last byte (in the ELF, after the header, hash and signature) inverted, so the
# hash no longer matches while the size and the header stay right.
size=$(stat -c %s "$src/${prefix}02.ta")
cp "$src/${prefix}02.ta" "$dest/${prefix}02.ta"
last=$(od -An -tu1 -j $((size - 1)) -N1 "$src/${prefix}02.ta" | tr -d ' ')
printf "$(printf '\\%03o' $((last ^ 0xff)))" |
	dd of="$dest/${prefix}02.ta" bs=1 seek=$((size - 1)) conv=notrunc status=none
cmp -s "$src/${prefix}02.ta" "$dest/${prefix}02.ta" && { echo "rootfs: tampering failed" >&2; exit 1; }

# (c) Signed with a key the TEE does not know: a well-formed file.
cp "$src/${prefix}03.ta" "$dest/${prefix}03.ta"

# (d) Too big: a valid TA padded to 2 MiB + 4 KiB, past what the trusted OS reads (TA_FILE_MAX in
# tee/ta_fetch.h, 2 MiB); zeros, so the compressed initramfs hardly grows.
cp "$src/${prefix}01.ta" "$dest/${prefix}04.ta"
truncate -s $((2 * 1024 * 1024 + 4096)) "$dest/${prefix}04.ta"
echo "rootfs: broken TAs (truncated, tampered, foreign key, too big) from $src"
