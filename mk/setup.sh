#!/usr/bin/env bash
# Installs what Rampart needs from Debian's packages and downloads the arm64 packages it builds
# against into build/debs. Idempotent: a second run only checks stamps and exits.
#
#   host tools : qemu-system-arm, the aarch64 cross toolchain, dtc, libfdt (host), cmocka, cpio,
#                e2fsprogs (mkfs.ext4 makes the normal world's disk image, e2fsck checks it)
#   arm64 debs : linux-image-arm64 (the meta-package, so the current kernel is taken),
#                busybox-static, libfdt-dev (its libfdt.a is linked into the boot stage),
#                libteec1 + tee-supplicant + optee-client-dev (the GP TEE Client API: what the
#                initramfs runs and what tee-test builds against) and libc6 (their run time)
#                libckteec0 + opensc + opensc-pkcs11 and the libraries they load (the PKCS#11
#                module and pkcs11-tool, docs/pkcs11.md); gnutls-bin (p11tool), openssh-client
#                and openssh-server with every package their Depends lead to (the other PKCS#11
#                clients of the tools archive, docs/normal-world.md)
#   sources    : mbedtls and nettle (Debian's source packages, unpacked into build/src/mbedtls and
#                build/src/nettle; the trusted OS builds its crypto from them), through a deb-src
#                entry for bookworm main
#   host libs  : libmbedtls-dev (the host TA signing tool, tools/ta_sign)
#   Xen        : xen-hypervisor-4.17-arm64 (unpacked into build/pkg/xen; the reference hypervisor
#                make bench VARIANT=virt boots in dom0less mode next to Rampart's, never a build input)
#   containers : crun and the shared libraries it runs on (its Depends, followed to the end:
#                unpacked together into build/pkg/crun; rootfs/build.sh copies what crun loads)
#   TA libc    : picolibc-aarch64-linux-gnu (the C library of the TA dev kit, mk/ta_libc.mk)
#   fuzzing    : clang and libclang-rt-dev (libFuzzer and the sanitizer run-times, make fuzz)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/build}
debs=$build/debs
stamp=$build/.setup-done
setup_version=14

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

if [[ -f $stamp && $(cat "$stamp") == "$setup_version" ]]; then
	exit 0
fi

as_root() {
	if [[ $(id -u) == 0 ]]; then "$@"; else sudo "$@"; fi
}

host_packages=(qemu-system-arm gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu
	device-tree-compiler libfdt-dev libcmocka-dev cpio gzip xz-utils gdb-multiarch
	gcc make python3 ipxe-qemu libc6-dev-arm64-cross libmbedtls-dev dpkg-dev
	clang libclang-rt-dev python3-cryptography python3-cryptography-vectors picolibc-aarch64-linux-gnu e2fsprogs m4)

apt_updated=0
apt_update() {
	if [[ $apt_updated == 0 ]]; then
		as_root apt-get update -qq || die "apt-get update failed"
		apt_updated=1
	fi
}

# arm64 packages come through Debian's multiarch support.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	log "adding the arm64 architecture to dpkg"
	as_root dpkg --add-architecture arm64
	apt_updated=0
fi
if ! apt-cache policy linux-image-arm64:arm64 2>/dev/null | grep -q 'Candidate: [0-9]'; then
	apt_update
fi

missing=()
for p in "${host_packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
	log "installing ${missing[*]}"
	apt_update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
fi

mkdir -p "$debs"
cd "$debs"
# The kernel meta-package names the current kernel package; take that one.
kpkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
	awk '/Depends: linux-image-[0-9]/ { sub(":arm64", "", $2); print $2; exit }')
[[ -n $kpkg ]] || die "cannot resolve linux-image-arm64:arm64 to a kernel package"
log "kernel package: $kpkg"

# The arm64 packages are gathered first and downloaded in one apt-get call: apt fetches them over
# one connection, where a call each (about 80 packages) took a quarter of an hour on a new machine.
wanted=()
want() { wanted+=("$@"); }
have_deb() { compgen -G "${1}_*_arm64.deb" >/dev/null || compgen -G "${1}_*_all.deb" >/dev/null; }
download_wanted() {
	local missing=() p
	for p in $(printf '%s\n' "${wanted[@]}" | sort -u); do
		have_deb "$p" || missing+=("$p")
	done
	((${#missing[@]})) || return 0
	log "downloading ${#missing[@]} arm64 packages: ${missing[*]}"
	# apt's sandbox user may not write here; a root download is fine for .debs.
	apt-get download -q "${missing[@]/%/:arm64}" >/dev/null 2>&1 ||
		{ apt_update; apt-get download -q "${missing[@]/%/:arm64}" >/dev/null 2>&1; }
	for p in "${missing[@]}"; do
		have_deb "$p" || die "apt-get download $p:arm64 failed"
	done
}
want "$kpkg" busybox-static libfdt-dev
want libteec1 tee-supplicant optee-client-dev libc6
want xen-hypervisor-4.17-arm64
# The PKCS#11 client (docs/pkcs11.md): libckteec0, opensc's pkcs11-tool and the libraries they load.
pkcs11_debs=(libckteec0 opensc opensc-pkcs11 libssl3 zlib1g libglib2.0-0 libffi8 libmount1 libpcre2-8-0 libselinux1 libblkid1)
want "${pkcs11_debs[@]}"

# crun (the OCI runtime, docs/containers.md) and every package its Depends lead to. Of a group of
# alternatives the first is taken (libsystemd0, not libelogind0); libc6 is wanted above.
depends_closure() { # depends_closure <package>...: them and what they depend on, one a line
	# One apt-cache call for the whole tree (a call a package took minutes on a busy machine);
	# each arm64 package's own Depends are read from its section of the recursive listing (the
	# sections of Architecture: all packages, which it lists too, are not arm64 packages).
	apt-cache depends --recurse --no-recommends --no-suggests --no-enhances --no-replaces \
		--no-breaks --no-conflicts "${@/%/:arm64}" 2>/dev/null |
		awk -v roots="$*" '
			/^[^ ]/ { pkg = $1 ~ /:arm64$/ ? $1 : ""; sub(":arm64", "", pkg); next }
			pkg != "" && /^ *\|?(Pre)?Depends: / && $2 !~ /^</ {
				d = $2
				sub(":arm64", "", d)
				deps[pkg] = deps[pkg] " " d
			}
			END {
				n = split(roots, todo, " ")
				seen["libc6"] = 1
				for (i = 1; i <= n; i++) {
					p = todo[i]
					if (p in seen)
						continue
					seen[p] = 1
					print p
					m = split(deps[p], ds, " ")
					for (j = 1; j <= m; j++)
						todo[++n] = ds[j]
				}
			}'
}
# The other PKCS#11 clients (gnutls's p11tool, OpenSSH's ssh, ssh-keygen and sshd) and what their
# Depends lead to, unpacked with the PKCS#11 packages above (rootfs/build.sh copies what they load).
p11_clients=$(depends_closure gnutls-bin openssh-client openssh-server | sort -u)
[[ $p11_clients == *libgnutls30* && $p11_clients == *openssh-sftp-server* ]] ||
	{ apt_update; p11_clients=$(depends_closure gnutls-bin openssh-client openssh-server | sort -u); }
[[ $p11_clients == *libgnutls30* && $p11_clients == *openssh-sftp-server* ]] ||
	die "cannot resolve the Depends of gnutls-bin, openssh-client and openssh-server (arm64)"
log "p11tool, ssh and sshd with their libraries: ${p11_clients//$'\n'/ }"
# shellcheck disable=SC2086 # one package a word
want $p11_clients
crun_packages=$(depends_closure crun)
[[ $crun_packages == *libyajl2* ]] || { apt_update; crun_packages=$(depends_closure crun); }
[[ $crun_packages == *libyajl2* ]] || die "cannot resolve crun:arm64's dependencies"
log "crun and its libraries: ${crun_packages//$'\n'/ }"
# shellcheck disable=SC2086
want $crun_packages
download_wanted

extract() { # extract <package> <dir>
	rm -rf "$2"
	mkdir -p "$2"
	dpkg-deb -x "$(ls "${1}"_*_arm64.deb | head -n1)" "$2"
}

log "unpacking the kernel"
extract "$kpkg" "$build/pkg/kernel"
vmlinuz=$(ls "$build"/pkg/kernel/boot/vmlinuz-* | head -n1)
mkdir -p "$build/linux"
# Debian's arm64 vmlinuz is either a plain Image or a gzip'd one; the firmware wants a plain Image.
if gzip -t "$vmlinuz" 2>/dev/null; then
	gzip -dc "$vmlinuz" >"$build/linux/Image"
else
	cp "$vmlinuz" "$build/linux/Image"
fi
basename "$vmlinuz" | sed 's/^vmlinuz-//' >"$build/linux/version"

log "unpacking busybox-static and libfdt-dev"
extract busybox-static "$build/pkg/busybox"
extract libfdt-dev "$build/pkg/libfdt"
[[ -f $build/pkg/libfdt/usr/lib/aarch64-linux-gnu/libfdt.a ]] || die "libfdt.a missing from libfdt-dev:arm64"

# The TEE client stack, unpacked together (headers, libteec, tee-supplicant), and the C library
# they run on; rootfs/build.sh copies only the files the initramfs needs out of these.
log "unpacking libteec1, tee-supplicant, optee-client-dev and libc6"
rm -rf "$build/pkg/optee-client"
for p in libteec1 tee-supplicant optee-client-dev; do
	mkdir -p "$build/pkg/optee-client"
	dpkg-deb -x "$(ls "${p}"_*_arm64.deb | head -n1)" "$build/pkg/optee-client"
done
[[ -f $build/pkg/optee-client/usr/include/tee_client_api.h ]] || die "tee_client_api.h missing from optee-client-dev:arm64"
[[ -x $build/pkg/optee-client/usr/sbin/tee-supplicant ]] || die "tee-supplicant missing from tee-supplicant:arm64"
extract libc6 "$build/pkg/libc6"
rm -rf "$build/pkg/pkcs11" && mkdir -p "$build/pkg/pkcs11"
for p in "${pkcs11_debs[@]}" $p11_clients; do dpkg-deb -x "$(ls "${p}"_*_arm64.deb | head -n1)" "$build/pkg/pkcs11"; done
[[ -x $build/pkg/pkcs11/usr/bin/pkcs11-tool ]] || die "pkcs11-tool missing from opensc:arm64"
[[ -x $build/pkg/pkcs11/usr/bin/p11tool ]] || die "p11tool missing from gnutls-bin:arm64"
[[ -x $build/pkg/pkcs11/usr/sbin/sshd ]] || die "sshd missing from openssh-server:arm64"

log "unpacking xen-hypervisor-4.17-arm64"
extract xen-hypervisor-4.17-arm64 "$build/pkg/xen"
[[ -f $build/pkg/xen/boot/xen-4.17-arm64 ]] || die "boot/xen-4.17-arm64 missing from xen-hypervisor-4.17-arm64:arm64"

log "unpacking crun and its libraries"
rm -rf "$build/pkg/crun"
mkdir -p "$build/pkg/crun"
for p in $crun_packages; do
	dpkg-deb -x "$(ls "${p}"_*_arm64.deb | head -n1)" "$build/pkg/crun"
done
[[ -x $build/pkg/crun/usr/bin/crun ]] || die "usr/bin/crun missing from crun:arm64"

# Debian's source packages come through a deb-src entry for bookworm main, added when apt knows
# no source of the version wanted. source_available <package> <version pattern>
deb_src_list=/etc/apt/sources.list.d/rampart-deb-src.sources
source_available() {
	if ! apt-cache showsrc "$1" 2>/dev/null | grep -q "^Version: $2"; then
		if [[ ! -f $deb_src_list ]]; then
			log "adding a deb-src entry for Debian bookworm main ($deb_src_list)"
			printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
				'Suites: bookworm' 'Components: main' \
				'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
				as_root tee "$deb_src_list" >/dev/null
		fi
		apt_updated=0
		apt_update
	fi
}

# fetch_source <package> <version pattern> <dir glob>: `apt-get source` into build/src (Debian's
# patches applied) and build/src/<package> linked to the unpacked directory.
fetch_source() {
	local name=$1 dir
	source_available "$name" "$2"
	log "fetching the $name source package"
	rm -rf "$build/src/$name"[-_]* "$build/src/$name"
	mkdir -p "$build/src"
	(cd "$build/src" && apt-get source -q "$name" >/dev/null 2>&1) ||
		die "apt-get source $name failed"
	dir=$(cd "$build/src" && ls -d $3/ 2>/dev/null | head -n1)
	[[ -n $dir ]] || die "the $name source package is not the version wanted ($3)"
	ln -sfn "${dir%/}" "$build/src/$name"
}

# mbedTLS 2.28 (an LTS branch): the trusted OS's crypto.
mbedtls_src=$build/src/mbedtls
if [[ ! -f $mbedtls_src/include/mbedtls/config.h ]]; then
	fetch_source mbedtls '2\.28\.' 'mbedtls-2.28.*'
	[[ -f $mbedtls_src/include/mbedtls/config.h ]] || die "mbedtls source has no include/mbedtls/config.h"
fi

# nettle 3.8 with its mini-gmp: Ed25519, X25519 and DSA for the trusted OS (mk/nettle.mk), which
# mbedTLS 2.28 lacks.
nettle_src=$build/src/nettle
if [[ ! -f $nettle_src/eddsa.h || ! -f $nettle_src/mini-gmp.c ]]; then
	fetch_source nettle '3\.8\.' 'nettle-3.8.*'
	[[ -f $nettle_src/eddsa.h && -f $nettle_src/mini-gmp.c ]] ||
		die "the nettle source has no eddsa.h or mini-gmp.c"
fi

echo "$setup_version" >"$stamp"
log "done"
