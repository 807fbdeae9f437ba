#!/bin/sh
# Containers that reach the TEE (docs/containers.md): Debian's crun runs the OCI bundle the build
# put at /var/lib/rampart/bundles/tee, with /dev/tee0 passed in and tee-supplicant on this side.
#   - tee-test's cases in a container pass, and crun exits with tee-test's status (0);
#   - crun exits with the container's status: a command that exits 7 gives 7;
#   - a container without the device: tee-test names /dev/tee0 missing and fails;
#   - a container with the node but no cgroup rule allowing it: the open is refused;
#   - a container given the PKCS#11 client (rampart-bundle --pkcs11) signs with a key this side
#     made in the token, and this side verifies the signature; with a wrong PIN, or without
#     the device, its pkcs11-tool fails and says why;
#   - tokens per identity (docs/pkcs11-clients.md): containers A and B run as uids 1001 and 1002
#     with CKTEEC_LOGIN_TYPE=user; each initialises a token of its own with the same label and
#     PINs and makes a key; neither reaches the other's token or objects, nor the shared token
#     a public client on this side uses, nor it theirs; a group login for a group the uid is not
#     in is refused by Linux; while A's token is in use, B still reaches none of it; an identity
#     token holds 8 token objects, and 4 identities are served at once, a 5th refused until one
#     leaves; an identity token whose objects do not fit the TA's object table is refused whole.
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

# container NAME [--no-tee] [--pkcs11] [--user U] [--env N=V]... [COMMAND...]: run one container
# to its end, its output in $run/NAME.out (also on the console, each line prefixed), crun's
# status in $status. With $inject set (and --pkcs11), that file is the container's /p11id.sh.
container() {
	name=$1
	shift
	opts=
	while :; do
		case "${1-}" in
		--no-tee | --pkcs11) opts="$opts $1" ;;
		--user | --env)
			opts="$opts $1 $2"
			shift
			;;
		*) break ;;
		esac
		shift
	done
	# shellcheck disable=SC2086 # $opts: zero or more options, none with blanks
	rampart-bundle $opts "$bundle" "$run/$name" "$@" || {
		status=125
		return
	}
	[ -n "${edit-}" ] && sed -i "$edit" "$run/$name/config.json"
	[ -n "${inject-}" ] && cp "$inject" "$run/$name/rootfs/p11id.sh"
	t0=$(now)
	crun run --no-pivot --bundle "$run/$name" "$name" >"$run/$name.out" 2>&1 </dev/null
	status=$?
	t1=$(now)
	sed "s/^/container $name: /" "$run/$name.out"
	echo "container $name: crun exit $status in $(((t1 - t0) * 10)) ms"
}
# The PKCS#11 parts: the module, the PINs. The steps a container of the identity-token checks
# runs are in $lib (its /p11id.sh, with inject=$lib): each prints pkcs11-tool's output with its
# tag in front, then "p11id TAG ok" or "p11id TAG failed".
M=/usr/lib/aarch64-linux-gnu/libckteec.so.0
pin=12341234
nonce=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
p11=$run/p11
mkdir -p "$p11"
lib=$p11/lib.sh
cat >"$lib" <<'EOF'
M=/usr/lib/aarch64-linux-gnu/libckteec.so.0
p() {
	tag=$1
	shift
	if pkcs11-tool --module $M "$@" >/tmp/out 2>&1; then r=ok; else r=failed; fi
	busybox sed "s/^/$tag: /" /tmp/out
	echo "p11id $tag $r"
}
# sign TAG PIN ID DATA: a signature with key ID over DATA, checked with the token's public key
sign() {
	echo "$4" >/tmp/data
	busybox rm -f /tmp/sig
	p "$1-sign" --login --pin "$2" --sign --id "$3" -m ECDSA-SHA256 -i /tmp/data -o /tmp/sig
	p "$1-verify" --verify --id "$3" -m ECDSA-SHA256 -i /tmp/data --signature-file /tmp/sig
}
# pub TAG ID: public key ID, and the SHA-256 of its DER
pub() {
	busybox rm -f /tmp/pub
	p "$1" --read-object --type pubkey --id "$2" -o /tmp/pub
	if [ -s /tmp/pub ]; then echo "p11id $1-hash $(busybox sha256sum /tmp/pub | busybox cut -d' ' -f1)"; fi
}
EOF
so=87654321
U="--pkcs11 --env CKTEEC_LOGIN_TYPE=user"
# step NAME TAG ok|failed: container NAME's step TAG ended so
step() { grep -qx "p11id $2 $3" "$run/$1.out"; }
# line NAME PATTERN: a line of container NAME's output matches PATTERN (grep -E)
line() { grep -qE "$2" "$run/$1.out"; }

need_tools crun
if crun --version >/dev/null 2>&1; then ok crun; else failed crun "crun --version: $(crun --version 2>&1)"; fi

# The second boot on the first one's TEE disk (rampart.containers=second): the identity tokens
# A and B made are there, each with its key, the same public key, and apart as before.
if grep -q "rampart.containers=second" /proc/cmdline; then
	inject=$lib
	# shellcheck disable=SC2086 # $U: options
	container again-a $U --user 1001 /bin/sh -c ". /p11id.sh; p r-a-info -T; p r-a-list --login --pin $pin --list-objects; sign r-a $pin a1 $nonce; pub r-a-pub a1"
	# shellcheck disable=SC2086
	container again-b $U --user 1002 /bin/sh -c ". /p11id.sh; p r-b-info -T; p r-b-list --login --pin $pin --list-objects; sign r-b $pin b1 $nonce; sign r-b-a1 $pin a1 $nonce"
	pkcs11-tool --module "$M" --login --pin $pin --list-objects >"$p11/again-public.out" 2>&1
	sed 's/^/public: /' "$p11/again-public.out"
	echo "p11id-again-serial uid 1001: $(sed -n 's/^r-a-info: *serial num *: *//p' "$run/again-a.out")"
	echo "p11id-again-serial uid 1002: $(sed -n 's/^r-b-info: *serial num *: *//p' "$run/again-b.out")"
	if step again-a r-a-list ok && line again-a "^r-a-list: +label: +a-key" && ! line again-a "b-key|ctr-ec" &&
		step again-a r-a-sign ok && line again-a "^r-a-verify: Signature is valid"; then
		ok p11id-again-a
	else
		failed p11id-again-a "$(grep '^p11id' "$run/again-a.out" | tr '\n' ' ')"
	fi
	if step again-b r-b-list ok && line again-b "^r-b-list: +label: +b-key" && ! line again-b "a-key|ctr-ec" &&
		step again-b r-b-sign ok && line again-b "^r-b-verify: Signature is valid" &&
		step again-b r-b-a1-sign failed; then
		ok p11id-again-b
	else
		failed p11id-again-b "$(grep '^p11id' "$run/again-b.out" | tr '\n' ' ')"
	fi
	if grep -qE "label: +ctr-ec" "$p11/again-public.out" && ! grep -qE "a-key|b-key" "$p11/again-public.out"; then
		ok p11id-again-public
	else
		failed p11id-again-public "$(tr '\n' ' ' <"$p11/again-public.out")"
	fi
	echo "containers: done"
	exit 0
fi

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
# Tokens per identity (docs/pkcs11-clients.md). The token above is the shared one, of public
# login (label ctr, key 01 ctr-ec). Containers of uids 1001 (A) and 1002 (B) with
# CKTEEC_LOGIN_TYPE=user each get a token of their own; they use the same label and PINs.
inject=$lib
# The trusted storage tee-supplicant keeps, as the normal world sees it: files and bytes.
store_use() {
	find /var/lib/optee-client/data/tee -type f -exec stat -c %s {} + 2>/dev/null |
		awk '{ n++; b += $1 } END { print n + 0, b + 0 }'
}
use0=$(store_use)

# A: before its first C_InitToken its token is blank, though the shared token is initialised
# with the label A is about to use; then its token, with a key pair.
# shellcheck disable=SC2086 # $U: options
container id-a1 $U --user 1001 /bin/sh -c ". /p11id.sh; p a0-info -T; p a-init --init-token --label ctr --so-pin $so; p a-initpin --init-pin --so-pin $so --pin $pin"
use1=$(store_use)
# shellcheck disable=SC2086
container id-a2 $U --user 1001 /bin/sh -c ". /p11id.sh; p a-keygen --login --pin $pin --keypairgen --key-type EC:prime256v1 --id a1 --label a-key; sign a $pin a1 $nonce; p a-info -T; p a-list --login --pin $pin --list-objects; pub a-pub a1"
use2=$(store_use)
echo "p11id-storage: before $use0, A's token initialised $use1, with its key pair $use2 (files bytes)"
echo "p11id-storage: the token record $((${use1% *} - ${use0% *})) files $((${use1#* } - ${use0#* })) bytes, the key pair $((${use2% *} - ${use1% *})) files $((${use2#* } - ${use1#* })) bytes"
if line id-a1 "^a0-info: .*token state: +uninitialized"; then
	ok p11id-a-fresh
else
	failed p11id-a-fresh "A's token before its C_InitToken: $(grep '^a0-info' "$run/id-a1.out")"
fi
if step id-a1 a-init ok && step id-a1 a-initpin ok && step id-a2 a-keygen ok && step id-a2 a-sign ok &&
	line id-a2 "^a-verify: Signature is valid" && line id-a2 "^a-list: +label: +a-key"; then
	ok p11id-a-key
else
	failed p11id-a-key "$(grep '^p11id ' "$run/id-a1.out" "$run/id-a2.out" | tr '\n' ' ')"
fi
serial_a=$(sed -n 's/^a-info: *serial num *: *//p' "$run/id-a2.out")
echo "p11id-serial uid 1001: $serial_a"
if line id-a2 "^a-info: +token model +: TEE user token" && line id-a2 "^a-info: +token label +: ctr" &&
	echo "$serial_a" | grep -qxE '[0-9a-f]{16}' && [ "${use2% *}" -gt "${use0% *}" ]; then
	ok p11id-a-info
else
	failed p11id-a-info "$(grep '^a-info' "$run/id-a2.out" | tr '\n' ' ')"
fi

# B: the same label and PINs. Before its own C_InitToken, A's PIN logs in to nothing and A's key
# id signs nothing; after it, B's token holds none of A's objects, and A's key id is unknown to it.
# shellcheck disable=SC2086
container id-b1 $U --user 1002 /bin/sh -c ". /p11id.sh; p b0-info -T; p b0-login --login --pin $pin --list-objects; sign b0 $pin a1 $nonce; p b-init --init-token --label ctr --so-pin $so; p b-initpin --init-pin --so-pin $so --pin $pin; p b-list0 --list-objects; sign b-a1 $pin a1 $nonce; pub b-a1-pub a1; p b-del-a1 --login --pin $pin --delete-object --type privkey --id a1; p b-keygen --login --pin $pin --keypairgen --key-type EC:prime256v1 --id b1 --label b-key; p b-info -T; p b-list --login --pin $pin --list-objects"
serial_b=$(sed -n 's/^b-info: *serial num *: *//p' "$run/id-b1.out")
echo "p11id-serial uid 1002: $serial_b"
if line id-b1 "^b0-info: .*token state: +uninitialized" && step id-b1 b0-login failed &&
	step id-b1 b0-sign failed && ! line id-b1 "^b0-verify: Signature is valid"; then
	ok p11id-b-fresh
else
	failed p11id-b-fresh "$(grep -E '^(b0-|p11id b0)' "$run/id-b1.out" | tr '\n' ' ')"
fi
if step id-b1 b-init ok && step id-b1 b-initpin ok && step id-b1 b-keygen ok &&
	line id-b1 "^b-info: +token model +: TEE user token" && line id-b1 "^b-list: +label: +b-key" &&
	echo "$serial_b" | grep -qxE '[0-9a-f]{16}' && [ "$serial_b" != "$serial_a" ]; then
	ok p11id-b-own
else
	failed p11id-b-own "$(grep '^p11id b-' "$run/id-b1.out" | tr '\n' ' ') serials $serial_a $serial_b"
fi
if step id-b1 b-list0 ok && ! line id-b1 "^b-list0?: .*a-key" && step id-b1 b-a1-sign failed &&
	! line id-b1 "^b-a1-verify: Signature is valid" && step id-b1 b-a1-pub failed &&
	! line id-b1 "^p11id b-a1-pub-hash" && ! line id-b1 "ctr-ec"; then
	ok p11id-b-not-a
else
	failed p11id-b-not-a "$(grep -E '^(b-list|b-a1|p11id b-a1)' "$run/id-b1.out" | tr '\n' ' ')"
fi

# A again: its key is there, the same, and signs; B's is not there.
# shellcheck disable=SC2086
container id-a3 $U --user 1001 /bin/sh -c ". /p11id.sh; p a3-list --login --pin $pin --list-objects; sign a3 $pin a1 x$nonce; pub a3-pub a1"
hash_a=$(sed -n 's/^p11id a-pub-hash //p' "$run/id-a2.out")
if line id-a3 "^a3-list: +label: +a-key" && ! line id-a3 "b-key|ctr-ec" && step id-a3 a3-sign ok &&
	line id-a3 "^a3-verify: Signature is valid" && [ -n "$hash_a" ] &&
	grep -qx "p11id a3-pub-hash $hash_a" "$run/id-a3.out"; then
	ok p11id-a-kept
else
	failed p11id-a-kept "$(grep -E '^(a3-|p11id a3)' "$run/id-a3.out" | tr '\n' ' ')"
fi

# This side's public client: the shared token, its key and none of theirs; nor did A or B see it.
pkcs11-tool --module "$M" --login --pin $pin --list-objects >"$p11/public-list.out" 2>&1
pkcs11-tool --module "$M" -T >"$p11/public-info.out" 2>&1
sed 's/^/public: /' "$p11/public-list.out" "$p11/public-info.out"
if grep -qE "label: +ctr-ec" "$p11/public-list.out" && ! grep -qE "a-key|b-key" "$p11/public-list.out" &&
	grep -qE "token model +: TEE token *$" "$p11/public-info.out" &&
	! grep -qE "serial num +: ($serial_a|$serial_b)" "$p11/public-info.out" &&
	! line id-a2 "ctr-ec" && ! line id-a3 "ctr-ec"; then
	ok p11id-public-apart
else
	failed p11id-public-apart "$(tr '\n' ' ' <"$p11/public-list.out")"
fi
# A uid of its own without CKTEEC_LOGIN_TYPE: a public client, on the shared token.
container id-pub --pkcs11 --user 1002 /bin/sh -c ". /p11id.sh; p pub-list --login --pin $pin --list-objects"
if step id-pub pub-list ok && line id-pub "^pub-list: +label: +ctr-ec" && ! line id-pub "a-key|b-key"; then
	ok p11id-public-uid
else
	failed p11id-public-uid "$(tr '\n' ' ' <"$run/id-pub.out")"
fi

# Group login. For a group the uid is not in, Linux refuses the session (its driver checks the
# caller's groups): C_Initialize fails. For its own group, a token of the group, not A's.
container id-grp-no --pkcs11 --user 1002 --env CKTEEC_LOGIN_TYPE=group --env CKTEEC_LOGIN_GID=1001 \
	/bin/sh -c ". /p11id.sh; p g-no -T"
if step id-grp-no g-no failed && line id-grp-no "TEEC open session failed" &&
	line id-grp-no "C_Initialize failed: rv = CKR_DEVICE_ERROR"; then
	ok p11id-group-not-member
else
	failed p11id-group-not-member "$(tr '\n' ' ' <"$run/id-grp-no.out")"
fi
container id-grp --pkcs11 --user 1001 --env CKTEEC_LOGIN_TYPE=group --env CKTEEC_LOGIN_GID=1001 \
	/bin/sh -c ". /p11id.sh; p g0-info -T; p g-init --init-token --label ctr --so-pin $so; p g-info -T; p g-list --list-objects"
serial_g=$(sed -n 's/^g-info: *serial num *: *//p' "$run/id-grp.out")
echo "p11id-serial gid 1001: $serial_g"
if line id-grp "^g0-info: .*token state: +uninitialized" && step id-grp g-init ok &&
	line id-grp "^g-info: +token model +: TEE group token" && step id-grp g-list ok &&
	! line id-grp "a-key|ctr-ec" && [ -n "$serial_g" ] && [ "$serial_g" != "$serial_a" ]; then
	ok p11id-group-own
else
	failed p11id-group-own "$(grep -E '^(g|p11id g)' "$run/id-grp.out" | tr '\n' ' ')"
fi

# The quota: A holds 2 token objects (its key pair); 6 AES keys more fill its 8, the 7th is
# refused with CKR_DEVICE_MEMORY; erased, they leave A as it was.
cmd=". /p11id.sh"
for i in 1 2 3 4 5 6 7; do
	cmd="$cmd; p q$i --login --pin $pin --keygen --key-type AES:16 --id 1$i --label q$i"
done
for i in 1 2 3 4 5 6; do
	cmd="$cmd; p uq$i --login --pin $pin --delete-object --type secrkey --id 1$i"
done
cmd="$cmd; p q-after --login --pin $pin --list-objects"
# shellcheck disable=SC2086
container id-quota $U --user 1001 /bin/sh -c "$cmd"
quota=ok
for i in 1 2 3 4 5 6; do
	step id-quota q$i ok && step id-quota uq$i ok || quota="q$i"
done
if [ $quota = ok ] && step id-quota q7 failed && line id-quota "^q7: .*CKR_DEVICE_MEMORY" &&
	line id-quota "^q-after: +label: +a-key" && ! line id-quota "^q-after: +label: +q[0-9]"; then
	ok p11id-quota
else
	failed p11id-quota "$quota: $(grep '^p11id q' "$run/id-quota.out" | tr '\n' ' ')"
fi

# A holder: a container of a uid of its own whose pkcs11-tool holds a session open (it digests
# its input, a FIFO this side keeps open) until hold_end. A holder gone early must not take this
# script with it: with SIGPIPE ignored, a write to its FIFO just fails.
trap '' PIPE
hold="pkcs11-tool --module $M --hash -m SHA256 -i /proc/self/fd/0 -o /tmp/h && echo held: \$(busybox od -An -tx1 /tmp/h | busybox tr -d ' \\n')"
# hold_start FD UID...: a holder of each UID, its FIFO's writing end on FD, FD+1, ...
hold_start() {
	fd=$1
	shift
	for u in "$@"; do
		# shellcheck disable=SC2086 # $U: options
		rampart-bundle $U --user "$u" "$bundle" "$run/hold-$u" /bin/sh -c "$hold"
		rm -f "$run/hold-$u.in" "$run/hold-$u.out"
		mkfifo "$run/hold-$u.in"
		crun run --no-pivot --bundle "$run/hold-$u" "hold-$u" <"$run/hold-$u.in" >"$run/hold-$u.out" 2>&1 &
		eval "exec $fd>\"\$run/hold-\$u.in\""
		fd=$((fd + 1))
	done
	# Each prints the digest algorithm once its session is open.
	t=0
	while [ $t -lt 30 ]; do
		n=0
		for u in "$@"; do
			grep -q "Using digest algorithm" "$run/hold-$u.out" && n=$((n + 1))
		done
		[ $n = $# ] && break
		sleep 1
		t=$((t + 1))
	done
	echo "hold: $n of $# sessions open after $t s"
}
# hold_end FD UID...: each holder given its input, and ended; $held: how many digested it.
hold_end() {
	fd=$1
	shift
	for u in "$@"; do
		eval "echo x >&$fd; exec $fd>&-"
		fd=$((fd + 1))
	done
	wait
	x_digest=$(echo x | sha256sum | cut -d' ' -f1)
	held=0
	for u in "$@"; do
		sed "s/^/hold-$u: /" "$run/hold-$u.out"
		grep -qx "held: $x_digest" "$run/hold-$u.out" && held=$((held + 1))
	done
}

# A and B at once: while A's token is in use (its objects in the TA's table), B lists none of
# them, even public ones, and cannot use A's key id; A's second client sees its key meanwhile.
hold_start 3 1001
# shellcheck disable=SC2086
container id-b2 $U --user 1002 /bin/sh -c ". /p11id.sh; p b2-list0 --list-objects; p b2-list --login --pin $pin --list-objects; sign b2 $pin a1 $nonce; pub b2-pub a1"
# shellcheck disable=SC2086
container id-a4 $U --user 1001 /bin/sh -c ". /p11id.sh; p a4-list --login --pin $pin --list-objects"
hold_end 3 1001
if [ $held = 1 ] && step id-b2 b2-list0 ok && step id-b2 b2-list ok && line id-b2 "^b2-list: +label: +b-key" &&
	! line id-b2 "a-key" && step id-b2 b2-sign failed && step id-b2 b2-pub failed &&
	step id-a4 a4-list ok && line id-a4 "^a4-list: +label: +a-key" && ! line id-a4 "b-key"; then
	ok p11id-concurrent
else
	failed p11id-concurrent "$held held; $(grep -E '^p11id' "$run/id-b2.out" "$run/id-a4.out" | tr '\n' ' ')"
fi

# 4 identities at once: holders of uids 1001 (A) and 2002 to 2004; a 5th uid is refused at
# C_Initialize; a second client of A and this side's public client are served; once the holders
# are gone, the 5th is too.
hold_start 3 1001 2002 2003 2004
# shellcheck disable=SC2086
container id-5th $U --user 2005 /bin/sh -c ". /p11id.sh; p l5 -T"
# shellcheck disable=SC2086
container id-a5 $U --user 1001 /bin/sh -c ". /p11id.sh; p l1 --login --pin $pin --list-objects"
pkcs11-tool --module "$M" -T >"$p11/limit-public.out" 2>&1
pstatus=$?
hold_end 3 1001 2002 2003 2004
# shellcheck disable=SC2086
container id-5th-after $U --user 2005 /bin/sh -c ". /p11id.sh; p l5-after -T"
if [ "$held" = 4 ] && step id-5th l5 failed && line id-5th "TEEC open session failed ffff000d" &&
	step id-a5 l1 ok && line id-a5 "^l1: +label: +a-key" && [ $pstatus = 0 ] &&
	step id-5th-after l5-after ok; then
	ok p11id-limit
else
	failed p11id-limit "$held held; $(grep '^p11id' "$run/id-5th.out" "$run/id-a5.out" "$run/id-5th-after.out" | tr '\n' ' ') public $pstatus"
fi
trap - PIPE

# The object table (64 entries) is the loaded tokens' together: the shared token filled to 63
# (this side makes 30 EC key pairs and an AES key beside its key pair), A's token (2 objects)
# does not fit, and answers CKR_DEVICE_MEMORY, none of it shown; with the shared token
# initialised anew (which erases its objects; its key pair made again), A's token is back whole.
made=0
i=0
while [ $i -lt 30 ]; do
	pkcs11-tool --module "$M" --login --pin $pin --keypairgen --key-type EC:prime256v1 \
		--id "$(printf %02x $((128 + i)))" --label fill$i >"$p11/fill.out" 2>&1 && made=$((made + 2))
	i=$((i + 1))
done
pkcs11-tool --module "$M" --login --pin $pin --keygen --key-type AES:16 --id c0 --label fill-aes \
	>"$p11/fill.out" 2>&1 && made=$((made + 1))
echo "p11id-table: $made objects made in the shared token"
# shellcheck disable=SC2086
container id-full $U --user 1001 /bin/sh -c ". /p11id.sh; p full -T; p full-list --login --pin $pin --list-objects"
if pkcs11-tool --module "$M" --init-token --label ctr --so-pin $so >"$p11/refill.out" 2>&1 &&
	pkcs11-tool --module "$M" --init-pin --so-pin $so --pin $pin >>"$p11/refill.out" 2>&1 &&
	pkcs11-tool --module "$M" --login --pin $pin --keypairgen --key-type EC:prime256v1 --id 01 \
		--label ctr-ec >>"$p11/refill.out" 2>&1; then
	refill=ok
else
	refill=failed
fi
# shellcheck disable=SC2086
container id-unfull $U --user 1001 /bin/sh -c ". /p11id.sh; p unfull-list --login --pin $pin --list-objects"
if [ $made = 61 ] && step id-full full failed && line id-full "^full: .*CKR_DEVICE_MEMORY" &&
	step id-full full-list failed && ! line id-full "a-key" && [ $refill = ok ] &&
	step id-unfull unfull-list ok && line id-unfull "^unfull-list: +label: +a-key"; then
	ok p11id-table-full
else
	failed p11id-table-full "$made made, refill $refill: $(grep -E '^(full|p11id)' "$run/id-full.out" "$run/id-unfull.out" | tr '\n' ' ')"
fi
inject=
echo "containers: done"
