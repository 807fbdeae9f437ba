#!/bin/sh
# Containers that reach the TEE (docs/containers.md): Debian's crun runs the OCI bundle the build
# put at /var/lib/rampart/bundles/tee, with /dev/tee0 passed in and tee-supplicant on this side.
#   - tee-test's cases in a container pass, and crun exits with tee-test's status (0);
#   - crun exits with the container's status: a command that exits 7 gives 7;
#   - a container without the device: tee-test names /dev/tee0 missing and fails;
#   - a container with the node but no cgroup rule allowing it: the open is refused;
#   - a container given the PKCS#11 client (rampart-bundle --pkcs11) signs with a key this side
#     made in the token, and this side verifies the signature; with a wrong PIN, or without
#     the device, its pkcs11-tool fails and says why.
. /usr/share/rampart/tests/lib.sh

bundle=/var/lib/rampart/bundles/tee
run=/run/rampart
# The cases run in the container: quick ones that need nothing of this side but the device
# (cases reading tee-supplicant's files or this side's /dev/hwrng are left to the plain run).
cases="context open-invoke-close params null-short-buffer registered-memory allocated-memory
many-sessions ta-to-ta peer-shared-instance ta-properties ta-random"

# centiseconds since boot
now() {
	read -r t _ </proc/uptime
	echo "${t%.*}${t#*.}"
}

# crun's cgroupfs manager needs the unified hierarchy (cgroup v2) mounted; its device rules are
# a BPF program attached to the container's cgroup.
mkdir -p /sys/fs/cgroup /run
grep -q " /sys/fs/cgroup cgroup2 " /proc/mounts || mount -t cgroup2 cgroup2 /sys/fs/cgroup

# container NAME [--no-tee] [--pkcs11] [COMMAND...]: run one container to its end, its output
# in $run/NAME.out (also on the console, each line prefixed), crun's status in $status.
container() {
	name=$1
	shift
	opts=
	while [ "${1-}" = --no-tee ] || [ "${1-}" = --pkcs11 ]; do
		opts="$opts $1"
		shift
	done
	# shellcheck disable=SC2086 # $opts: zero or more options
	rampart-bundle $opts "$bundle" "$run/$name" "$@" || {
		status=125
		return
	}
	[ -n "${edit-}" ] && sed -i "$edit" "$run/$name/config.json"
	t0=$(now)
	crun run --no-pivot --bundle "$run/$name" "$name" >"$run/$name.out" 2>&1 </dev/null
	status=$?
	t1=$(now)
	sed "s/^/container $name: /" "$run/$name.out"
	echo "container $name: crun exit $status in $(((t1 - t0) * 10)) ms"
}

need_tools crun
if crun --version >/dev/null 2>&1; then ok crun; else failed crun "crun --version: $(crun --version 2>&1)"; fi

# tee-test in a container with /dev/tee0.
# shellcheck disable=SC2086 # one argument a case
container tee /usr/bin/tee-test $cases
for c in $cases; do
	if grep -q "^rampart-check: tee-$c: ok" "$run/tee.out"; then
		ok "container-tee-$c"
	else
		failed "container-tee-$c" "$(grep "tee-$c:" "$run/tee.out")"
	fi
done
if [ "$status" = 0 ] && grep -q "^tee-test: [1-9][0-9]* passed, 0 failed" "$run/tee.out"; then
	ok container-tee-status
else
	failed container-tee-status "crun exit $status: $(tail -n 3 "$run/tee.out")"
fi
# What the container sees: its own PID namespace (tee-supplicant is not in it), a read-only root.
# No PKCS#11 client unless asked for.
container look /bin/sh -c 'cat /proc/[0-9]*/comm; echo x 2>/dev/null >/probe && echo root-writable; ls /dev; if test -e /usr/bin/pkcs11-tool; then echo has-pkcs11; fi'
if [ "$status" = 0 ] && ! grep -q tee-supplicant "$run/look.out" &&
	! grep -q root-writable "$run/look.out" && grep -qx tee0 "$run/look.out" &&
	! grep -q has-pkcs11 "$run/look.out"; then
	ok container-sees
else
	failed container-sees "crun exit $status: $(cat "$run/look.out")"
fi

# crun exits with the status of the container's process.
container fails /bin/sh -c 'exit 7'
if [ "$status" = 7 ]; then ok container-exit-status; else failed container-exit-status "crun exit $status, not 7"; fi

# Without the device: the TEE client in the container says what is missing.
container no-tee --no-tee /usr/bin/tee-test context
if [ "$status" != 0 ] && grep -q "TEEC_InitializeContext failed: .*no TEE device: /dev/tee0: No such file or directory" "$run/no-tee.out"; then
	ok container-no-tee
else
	failed container-no-tee "crun exit $status: $(cat "$run/no-tee.out")"
fi

# The node, but the cgroup rule for it a deny: the device controller refuses the open.
edit='s/"allow": true/"allow": false/'
container no-rule /usr/bin/tee-test context
edit=
if [ "$status" != 0 ] && grep -q "no TEE device: /dev/tee0: Operation not permitted" "$run/no-rule.out"; then
	ok container-no-rule
else
	failed container-no-rule "crun exit $status: $(cat "$run/no-rule.out")"
fi

# The device is still this side's: tee-supplicant kept serving, and a plain client works.
if pidof tee-supplicant >/dev/null && tee-test context | grep -q "^rampart-check: tee-context: ok"; then
	ok container-host-after
else
	failed container-host-after "tee-supplicant or a client outside the containers fails"
fi

# The PKCS#11 token from a container. This side initialises the token and makes an EC P-256
# key pair; a container given the PKCS#11 client logs in and signs data of this run with it,
# and sends the signature out on its output (base64); this side verifies it with the token's
# public key, and sees it fail over other data.
M=/usr/lib/aarch64-linux-gnu/libckteec.so.0
pin=12341234
nonce=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
p11=$run/p11
mkdir -p "$p11"
if pkcs11-tool --module "$M" --init-token --label ctr --so-pin 87654321 >"$p11/setup.out" 2>&1 &&
	pkcs11-tool --module "$M" --init-pin --so-pin 87654321 --pin $pin >>"$p11/setup.out" 2>&1 &&
	pkcs11-tool --module "$M" --login --pin $pin --keypairgen --key-type EC:prime256v1 --id 01 \
		--label ctr-ec >>"$p11/setup.out" 2>&1; then
	ok container-pkcs11-key
else
	failed container-pkcs11-key "$(cat "$p11/setup.out")"
fi
sign="echo $nonce >/tmp/data && pkcs11-tool --module $M --login --pin \$1 --sign --id 01 -m ECDSA-SHA256 -i /tmp/data -o /tmp/sig && echo sig: \$(busybox base64 /tmp/sig | busybox tr -d '\\n')"
container pkcs11 --pkcs11 /bin/sh -c "$sign" sh $pin
echo "$nonce" >"$p11/data"
sed -n 's/^sig: //p' "$run/pkcs11.out" | tr -d '\r' | base64 -d >"$p11/sig" 2>/dev/null
pkcs11-tool --module "$M" --verify --id 01 -m ECDSA-SHA256 -i "$p11/data" --signature-file "$p11/sig" \
	>"$p11/verify.out" 2>&1
vstatus=$?
sed 's/^/verify: /' "$p11/verify.out"
# pkcs11-tool --verify exits 0 either way: its message tells.
echo "x$nonce" >"$p11/other"
pkcs11-tool --module "$M" --verify --id 01 -m ECDSA-SHA256 -i "$p11/other" --signature-file "$p11/sig" \
	>"$p11/verify-other.out" 2>&1
if [ "$status" = 0 ] && [ $vstatus = 0 ] && grep -q "^Signature is valid" "$p11/verify.out" &&
	[ "$(stat -c %s "$p11/sig")" = 64 ] && grep -q "Invalid signature" "$p11/verify-other.out" &&
	! grep -q "Signature is valid" "$p11/verify-other.out"; then
	ok container-pkcs11-sign
else
	failed container-pkcs11-sign "crun exit $status, verify $vstatus: $(cat "$p11/verify.out")"
fi
# A wrong PIN: the token refuses the login in the container as outside.
container pkcs11-pin --pkcs11 /bin/sh -c "$sign" sh 11112222
if [ "$status" != 0 ] && grep -q "CKR_PIN_INCORRECT" "$run/pkcs11-pin.out" && ! grep -q "^sig: " "$run/pkcs11-pin.out"; then
	ok container-pkcs11-wrong-pin
else
	failed container-pkcs11-wrong-pin "crun exit $status: $(cat "$run/pkcs11-pin.out")"
fi
# Without the device: libckteec cannot open a TEE context, and pkcs11-tool stops at
# C_Initialize with CKR_DEVICE_ERROR.
container pkcs11-no-tee --no-tee --pkcs11 /bin/sh -c "$sign" sh $pin
if [ "$status" != 0 ] && grep -q "TEEC init context failed" "$run/pkcs11-no-tee.out" &&
	grep -q "C_Initialize failed: rv = CKR_DEVICE_ERROR (0x30)" "$run/pkcs11-no-tee.out" &&
	! grep -q "^sig: " "$run/pkcs11-no-tee.out"; then
	ok container-pkcs11-no-tee
else
	failed container-pkcs11-no-tee "crun exit $status: $(cat "$run/pkcs11-no-tee.out")"
fi
echo "containers: done"
