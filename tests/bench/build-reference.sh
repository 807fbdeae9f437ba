#!/usr/bin/env bash
# Builds the reference firmware `make bench REF_FIRMWARE=...` compares with: TF-A + OP-TEE for
# QEMU virt, from their public sources, with Debian's cross compiler (docs/benchmarks.md).
#
#   tests/bench/build-reference.sh WORKDIR [OPTEE_OS [TF_A]]
#
# OPTEE_OS and TF_A are source trees (OP-TEE 3.19.0, TF-A v2.7.0: the stable release after the
# v2.6 OP-TEE 3.19's QEMU manifest pins) or git URLs, cloned at those tags into WORKDIR; without
# them the public GitHub repositories are cloned. Prints the path of
# the flash image (for QEMU's -bios) on its last line; OP-TEE's TA dev kit is left in
# WORKDIR/optee/export-ta_arm64.
#
# What it builds, and why:
# - OP-TEE for PLATFORM=vexpress-qemu_armv8a, 64-bit TAs only, GICv3 (the machine runs
#   gic-version=3), release settings: no core debug, core log errors only, TA log off, the
#   embedded device-tree self test off. OP-TEE adds its /firmware/optee node and reserved memory
#   to the normal world's device tree, which TF-A hands it in x2 (plat/qemu/common/qemu_bl2_setup.c).
# - TF-A PLAT=qemu, SPD=opteed, OP-TEE in secure DRAM, and Linux itself as BL33
#   (ARM_LINUX_KERNEL_AS_BL33=1): BL31 enters the kernel at PRELOADED_BL33_BASE with x0 = the
#   device tree QEMU places at the base of RAM (0x40000000). With -bios, QEMU does not load -kernel
#   and -initrd into RAM (it only offers them in fw_cfg for a boot loader), so the bench loads them
#   with QEMU's generic loader at REF_KERNEL_ADDR / REF_INITRD_ADDR (tests/bench/reference.py);
#   no U-Boot is involved.
# - The flash image: BL1 at 0, the FIP (BL2, BL31, OP-TEE's three v2 images) at 256 KiB, where
#   TF-A's qemu BL2 looks for it (PLAT_QEMU_FIP_BASE).
set -euo pipefail

OPTEE_TAG=3.19.0
TFA_TAG=v2.7.0
# Above OP-TEE's static shared memory (0x42000000, 2 MiB) so the kernel image does not cover it.
REF_KERNEL_ADDR=${REF_KERNEL_ADDR:-0x44000000}
CROSS=${CROSS_COMPILE:-aarch64-linux-gnu-}
JOBS=${JOBS:-2}
# Debian's Python, whose python3-pyelftools and python3-cryptography OP-TEE's scripts import.
PYTHON3=${PYTHON3:-/usr/bin/python3}

usage() {
	echo "usage: $0 WORKDIR [OPTEE_OS_TREE_OR_URL [TF_A_TREE_OR_URL]]" >&2
	exit 2
}
[[ $# -ge 1 && $# -le 3 ]] || usage
work=$(mkdir -p "$1" && cd "$1" && pwd)
optee_src=${2:-https://github.com/OP-TEE/optee_os.git}
tfa_src=${3:-https://github.com/ARM-software/arm-trusted-firmware.git}

need() {
	command -v "$1" >/dev/null || { echo "error: $1 not found: $2" >&2; exit 1; }
}
need "${CROSS}gcc" "install gcc-aarch64-linux-gnu"
need git "install git"
"$PYTHON3" -c 'import elftools' 2>/dev/null ||
	{ echo "error: python3 elftools missing: install python3-pyelftools" >&2; exit 1; }
"$PYTHON3" -c 'import cryptography' 2>/dev/null ||
	{ echo "error: python3 cryptography missing: install python3-cryptography" >&2; exit 1; }

# source NAME TREE_OR_URL TAG: a tree is used as it is (it must be at TAG: checked when it is a
# git work tree); a URL is cloned at TAG into WORKDIR/src/NAME.
source_tree() {
	local name=$1 from=$2 tag=$3 dir
	if [[ -d $from ]]; then
		dir=$(cd "$from" && pwd)
		if git -C "$dir" rev-parse --git-dir >/dev/null 2>&1; then
			local at
			at=$(git -C "$dir" describe --tags --exact-match 2>/dev/null || echo "?")
			[[ $at == "$tag" ]] || echo "warning: $dir is at $at, not $tag" >&2
		fi
	else
		dir=$work/src/$name
		[[ -d $dir ]] || git clone -q --depth 1 --branch "$tag" "$from" "$dir" >&2
	fi
	echo "$dir"
}
optee=$(source_tree optee_os "$optee_src" "$OPTEE_TAG")
tfa=$(source_tree tf-a "$tfa_src" "$TFA_TAG")
[[ -f $optee/core/arch/arm/plat-vexpress/conf.mk ]] || { echo "error: $optee is no optee_os tree" >&2; exit 1; }
[[ -f $tfa/plat/qemu/qemu/platform.mk ]] || { echo "error: $tfa is no TF-A tree" >&2; exit 1; }

echo "== OP-TEE $OPTEE_TAG from $optee" >&2
make -C "$optee" -j"$JOBS" O="$work/optee" PYTHON3="$PYTHON3" \
	CROSS_COMPILE="$CROSS" CROSS_COMPILE_core="$CROSS" CROSS_COMPILE_ta_arm64="$CROSS" \
	PLATFORM=vexpress-qemu_armv8a CFG_ARM64_core=y CFG_USER_TA_TARGETS=ta_arm64 \
	CFG_ARM_GICV3=y DEBUG=0 CFG_TEE_CORE_DEBUG=n CFG_TEE_CORE_LOG_LEVEL=1 \
	CFG_TEE_TA_LOG_LEVEL=0 CFG_DT_DRIVER_EMBEDDED_TEST=n all >&2

echo "== TF-A $TFA_TAG from $tfa" >&2
# Binutils 2.39 and later warn about BL images' RWX segments, which TF-A 2.7 links with
# --fatal-warnings; the flag below only silences that warning.
make -C "$tfa" -j"$JOBS" BUILD_BASE="$work/tf-a" CROSS_COMPILE="$CROSS" PLAT=qemu DEBUG=0 \
	SPD=opteed BL32_RAM_LOCATION=tdram QEMU_USE_GIC_DRIVER=QEMU_GICV3 \
	BL32="$work/optee/core/tee-header_v2.bin" \
	BL32_EXTRA1="$work/optee/core/tee-pager_v2.bin" \
	BL32_EXTRA2="$work/optee/core/tee-pageable_v2.bin" \
	ARM_LINUX_KERNEL_AS_BL33=1 PRELOADED_BL33_BASE="$REF_KERNEL_ADDR" \
	LDFLAGS="--no-warn-rwx-segments" all fip >&2

plat=$work/tf-a/qemu/release
flash=$work/flash.bin
cp "$plat/bl1.bin" "$flash"
dd if="$plat/fip.bin" of="$flash" bs=64k seek=4 conv=notrunc status=none
cat >"$work/reference.txt" <<EOF
OP-TEE $OPTEE_TAG ($optee), TF-A $TFA_TAG ($tfa), $("${CROSS}gcc" --version | head -1)
kernel entry (PRELOADED_BL33_BASE) $REF_KERNEL_ADDR
tee.bin $(stat -c %s "$work/optee/core/tee.bin") bytes
EOF
echo "$flash"
