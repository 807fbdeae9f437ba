#!/bin/sh
# The PKCS#11 clients of the tools archive besides pkcs11-tool, and OpenSSH's server
# (docs/normal-world.md#the-tools-archive):
#   - rampart-sshd starts sshd on 127.0.0.1 with a key ssh-keygen made in a file authorized;
#   - ssh logs in with that key, checks the server's host key, runs a command as root and passes
#     its exit status on; a key not authorized is refused, and so is a server whose host key is
#     not the one known, and neither runs the command;
#   - gnutls's p11tool, with libckteec as its provider, lists the Rampart token with the label
#     pkcs11-tool gave it;
#   - ssh -I with libckteec reaches the token, which has no key to offer: refused;
#   - ssh-keygen -D on libckteec, with a token that holds no keys, fails as OpenSSH does when a
#     module gives it no key, after loading the module;
#   - keys made in the token by pkcs11-tool (EC P-256, RSA-2048): ssh-keygen -D prints their
#     public keys, the same as pkcs11-tool reads from the token; ssh -I logs in with each (the PIN
#     through SSH_ASKPASS); a token key not authorized, a wrong PIN, BatchMode (no PIN) and a
#     private key deleted from the token are refused, and the command does not run;
#   - p11tool lists the keys by label (the private ones only when logged in), exports the EC
#     public key (the same again), and signs and verifies with both keys (--test-sign); a wrong
#     PIN is refused.
. /usr/share/rampart/tests/lib.sh
need_tools p11c-tools

M=/usr/lib/aarch64-linux-gnu/libckteec.so.0
t=/tmp/p11c
mkdir -p "$t"
bad=

# sshd, with a client key made here in files.
ssh-keygen -q -t ed25519 -N '' -C rampart-good -f "$t/good" || failed p11c-keygen "ssh-keygen -t ed25519"
ssh-keygen -q -t ed25519 -N '' -C rampart-wrong -f "$t/wrong" || failed p11c-keygen "ssh-keygen -t ed25519"
[ -s "$t/good.pub" ] && [ -s "$t/wrong.pub" ] && ok p11c-keygen
if rampart-sshd "$t/good.pub" >"$t/sshd.out" 2>&1 && [ -s /run/sshd.pid ] &&
	kill -0 "$(cat /run/sshd.pid)" 2>/dev/null; then
	ok p11c-sshd-starts
else
	failed p11c-sshd-starts "$(cat "$t/sshd.out")"
	bad=1
fi
cat "$t/sshd.out"
# The host keys ssh-keygen -A made: the only keys this ssh accepts from 127.0.0.1.
for k in /etc/ssh/ssh_host_*_key.pub; do
	echo "127.0.0.1 $(cat "$k")"
done >"$t/known_hosts"
if [ "$(wc -l <"$t/known_hosts")" -ge 3 ] && [ -s /etc/ssh/ssh_host_ed25519_key ]; then
	ok p11c-host-keys
else
	failed p11c-host-keys "$(ls -l /etc/ssh)"
fi

# ssh_to KEY KNOWN-HOSTS COMMAND: one non-interactive login as root; its output in $t/out, its
# errors in $t/err, ssh's status in $status.
ssh_to() {
	ssh -T -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes \
		-o UserKnownHostsFile="$2" -o ConnectTimeout=60 -i "$1" root@127.0.0.1 "$3" \
		>"$t/out" 2>"$t/err" </dev/null
	status=$?
}

nonce=$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')
rm -f /tmp/p11c-ran
ssh_to "$t/good" "$t/known_hosts" "echo $nonce >/tmp/p11c-ran; echo login-\$(id -u)-$nonce"
if [ $status = 0 ] && [ "$(cat "$t/out")" = "login-0-$nonce" ] && [ "$(cat /tmp/p11c-ran 2>/dev/null)" = "$nonce" ]; then
	ok p11c-ssh-login
else
	failed p11c-ssh-login "status $status, out '$(cat "$t/out")', err '$(cat "$t/err")'"
	bad=1
fi
ssh_to "$t/good" "$t/known_hosts" "exit 7"
if [ $status = 7 ]; then ok p11c-ssh-status; else failed p11c-ssh-status "status $status (want 7): $(cat "$t/err")"; fi

# A key that is not in authorized_keys: refused, nothing runs.
rm -f /tmp/p11c-ran
ssh_to "$t/wrong" "$t/known_hosts" "echo $nonce >/tmp/p11c-ran"
if [ $status = 255 ] && grep -q "Permission denied (publickey)" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-wrong-key
else
	failed p11c-ssh-wrong-key "status $status, err '$(cat "$t/err")', ran: $(cat /tmp/p11c-ran 2>&1)"
	bad=1
fi
# A server whose host key is not the one known (the wrong client key stands for it): refused
# before any authentication, nothing runs.
rm -f /tmp/p11c-ran
echo "127.0.0.1 $(cut -d ' ' -f 1,2 "$t/wrong.pub")" >"$t/known_hosts_bad"
ssh -T -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes \
	-o UserKnownHostsFile="$t/known_hosts_bad" -o HostKeyAlgorithms=ssh-ed25519 -i "$t/good" \
	root@127.0.0.1 "echo $nonce >/tmp/p11c-ran" >"$t/out" 2>"$t/err" </dev/null
status=$?
if [ $status = 255 ] && grep -q "Host key verification failed" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-wrong-host-key
else
	failed p11c-ssh-wrong-host-key "status $status, err '$(cat "$t/err")'"
	bad=1
fi
if [ -n "$bad" ]; then
	echo "p11c: sshd's log:"
	sed 's/^/  sshd: /' /run/sshd.log
fi

# gnutls's p11tool on the token, after pkcs11-tool initialised it with a label of this run.
label=p11c-$(echo "$nonce" | cut -c 1-8)
pkcs11-tool --module "$M" --init-token --label "$label" --so-pin 87654321 >"$t/init.out" 2>&1 ||
	failed p11c-init-token "$(cat "$t/init.out")"
p11tool --provider "$M" --list-tokens >"$t/p11tool.out" 2>&1
status=$?
sed 's/^/p11tool: /' "$t/p11tool.out"
if [ $status = 0 ] && grep -q "^[[:space:]]*Label: $label\$" "$t/p11tool.out" &&
	grep -q "^[[:space:]]*Manufacturer: Rampart\$" "$t/p11tool.out" &&
	grep -q "^[[:space:]]*URL: pkcs11:.*manufacturer=Rampart;.*token=$label" "$t/p11tool.out"; then
	ok p11c-p11tool-token
else
	failed p11c-p11tool-token "status $status; no token labelled $label by Rampart"
fi
# ssh -I: ssh-pkcs11-helper loads the module and reaches the token (its debug output names the
# token's label), which has no key to offer: the login is refused and nothing runs.
rm -f /tmp/p11c-ran
ssh -v -T -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes \
	-o UserKnownHostsFile="$t/known_hosts" -I "$M" root@127.0.0.1 "echo $nonce >/tmp/p11c-ran" \
	>"$t/out" 2>"$t/err" </dev/null
status=$?
grep -i "pkcs11\|provider\|label\|denied" "$t/err" | sed 's/^/ssh -I: /'
if [ $status = 255 ] && grep -q "Permission denied (publickey)" "$t/err" &&
	grep -q "label <$label" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-pkcs11-no-keys
else
	failed p11c-ssh-pkcs11-no-keys "status $status"
fi
# A provider that is not there: p11tool says so and fails (the check above can tell).
if p11tool --provider /usr/lib/aarch64-linux-gnu/no-such-module.so --list-tokens >"$t/p11tool-bad.out" 2>&1; then
	failed p11c-p11tool-bad-provider "p11tool succeeded without a module: $(cat "$t/p11tool-bad.out")"
elif grep -q "Label: $label" "$t/p11tool-bad.out"; then
	failed p11c-p11tool-bad-provider "lists the token without the module"
else
	ok p11c-p11tool-bad-provider
fi

# ssh-keygen -D: the token holds no keys. OpenSSH loads the module, looks for public keys and
# certificates in the token (PKCS#11 C_FindObjects*; the token answers
# CKR_FUNCTION_NOT_SUPPORTED, 0x54, for now, which ssh-keygen prints), finds none, and ends with
# "cannot read public key from pkcs11" (OpenSSH ends its messages with CR LF), status 255,
# nothing on its output.
ssh-keygen -D "$M" >"$t/keygen.out" 2>"$t/keygen.err"
status=$?
sed 's/^/ssh-keygen -D: /' "$t/keygen.out" "$t/keygen.err"
if [ $status = 255 ] && [ ! -s "$t/keygen.out" ] &&
	[ "$(tail -n 1 "$t/keygen.err" | tr -d '\r')" = "cannot read public key from pkcs11" ] &&
	! grep -q "is not a PKCS11 library" "$t/keygen.err"; then
	ok p11c-keygen-no-keys
else
	failed p11c-keygen-no-keys "status $status, output '$(cat "$t/keygen.out")', last error line '$(tail -n 1 "$t/keygen.err")'"
fi
# The same with a module that is not there: refused before any token is looked at.
ssh-keygen -D /usr/lib/aarch64-linux-gnu/no-such-module.so >"$t/keygen-bad.out" 2>"$t/keygen-bad.err"
status=$?
if [ $status = 255 ] && grep -q "no-such-module.so is not a PKCS11 library" "$t/keygen-bad.err"; then
	ok p11c-keygen-bad-module
else
	failed p11c-keygen-bad-module "status $status: $(cat "$t/keygen-bad.err")"
fi

# Keys that never leave the TEE. The SO sets the user PIN of the token initialised above; the
# user makes an EC P-256 and an RSA-2048 key pair for ssh, and one more EC key that sshd will
# not know.
pin=12341234
L="--login --pin $pin"
pkcs11-tool --module "$M" --init-pin --so-pin 87654321 --pin $pin >"$t/initpin.out" 2>&1 ||
	failed p11c-token-keys "init-pin: $(cat "$t/initpin.out")"
# shellcheck disable=SC2086 # $L: several options
if pkcs11-tool --module "$M" $L --keypairgen --key-type EC:prime256v1 --id 01 --label ssh-ec >"$t/kg.out" 2>&1 &&
	pkcs11-tool --module "$M" $L --keypairgen --key-type rsa:2048 --id 02 --label ssh-rsa >>"$t/kg.out" 2>&1 &&
	pkcs11-tool --module "$M" $L --keypairgen --key-type EC:prime256v1 --id 03 --label ssh-other >>"$t/kg.out" 2>&1; then
	ok p11c-token-keys
else
	failed p11c-token-keys "$(cat "$t/kg.out")"
fi

# ssh-keygen -D: one line per key pair (the public keys are public objects: no login needed),
# with the label as the comment.
ssh-keygen -D "$M" >"$t/token.pub" 2>"$t/keygen.err"
status=$?
sed 's/^/ssh-keygen -D: /' "$t/token.pub"
grep ' ssh-ec$' "$t/token.pub" >"$t/ec.pub"
grep ' ssh-rsa$' "$t/token.pub" >"$t/rsa.pub"
grep ' ssh-other$' "$t/token.pub" >"$t/other.pub"
# ssh reads the key named by -i as a private key file too: keep it private, or it complains.
chmod 600 "$t/ec.pub" "$t/rsa.pub" "$t/other.pub"
if [ $status = 0 ] && [ "$(wc -l <"$t/token.pub")" = 3 ] &&
	[ "$(cut -d ' ' -f 1 "$t/ec.pub")" = ecdsa-sha2-nistp256 ] &&
	[ "$(cut -d ' ' -f 1 "$t/rsa.pub")" = ssh-rsa ] &&
	[ "$(cut -d ' ' -f 1 "$t/other.pub")" = ecdsa-sha2-nistp256 ]; then
	ok p11c-keygen-token-keys
else
	failed p11c-keygen-token-keys "status $status: $(cat "$t/token.pub" "$t/keygen.err")"
fi
# The same keys as the token holds: ssh-keygen -e turns each line into a DER
# SubjectPublicKeyInfo, which must be byte for byte what pkcs11-tool reads from the token.
same_key() { # same_key SSH-PUB ID: status 0 when the two agree
	pkcs11-tool --module "$M" --read-object --type pubkey --id "$2" -o "$t/tok-$2.der" >/dev/null 2>&1 &&
		ssh-keygen -e -m PKCS8 -f "$1" | sed '1d;$d' | base64 -d >"$t/ssh-$2.der" &&
		[ -s "$t/tok-$2.der" ] && cmp -s "$t/tok-$2.der" "$t/ssh-$2.der"
}
if same_key "$t/ec.pub" 01 && same_key "$t/rsa.pub" 02 && ! cmp -s "$t/tok-01.der" "$t/ssh-02.der"; then
	ok p11c-keygen-same-keys
else
	failed p11c-keygen-same-keys "the token's public keys and ssh-keygen -D's differ"
	od -An -tx1 "$t/tok-01.der"
	od -An -tx1 "$t/ssh-01.der"
fi

# sshd takes the EC and RSA keys (rampart-sshd adds them to authorized_keys; sshd already runs),
# not the third.
rampart-sshd "$t/ec.pub" "$t/rsa.pub" >"$t/sshd2.out" 2>&1 || failed p11c-ssh-token-ec "rampart-sshd: $(cat "$t/sshd2.out")"
# OpenSSH 9.2 asks for the token's PIN with read_passphrase() when it first signs: with
# SSH_ASKPASS_REQUIRE=force it runs $SSH_ASKPASS (no DISPLAY needed) and reads the PIN from its
# output. BatchMode must stay off (then ssh asks for no PIN, below).
cat >"$t/askpass" <<ASKPASS
#!/bin/sh
echo "\$*" >>$t/askpass.log
cat $t/pin
ASKPASS
chmod 755 "$t/askpass"
echo $pin >"$t/pin"
# ssh_token PUB COMMAND [OPTION...]: log in with the token's key whose public half is PUB
# (IdentitiesOnly: with it, OpenSSH offers a PKCS#11 key only when -i names its public key).
ssh_token() {
	pub=$1
	cmd=$2
	shift 2
	rm -f /tmp/p11c-ran "$t/askpass.log"
	# OPTIONs first: ssh keeps the first value it is given for an option.
	SSH_ASKPASS=$t/askpass SSH_ASKPASS_REQUIRE=force ssh -T "$@" -o BatchMode=no \
		-o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$t/known_hosts" \
		-o ConnectTimeout=60 -i "$pub" -I "$M" root@127.0.0.1 "$cmd" \
		>"$t/out" 2>"$t/err" </dev/null
	status=$?
	sed 's/^/ssh -I: /' "$t/err"
}
for k in ec rsa; do
	ssh_token "$t/$k.pub" "echo $nonce-$k >/tmp/p11c-ran; echo token-$k-\$(id -u)-$nonce"
	if [ $status = 0 ] && [ "$(cat "$t/out")" = "token-$k-0-$nonce" ] &&
		[ "$(cat /tmp/p11c-ran 2>/dev/null)" = "$nonce-$k" ] &&
		grep -q "^Enter PIN for '$label': \$" "$t/askpass.log"; then
		ok p11c-ssh-token-$k
	else
		failed p11c-ssh-token-$k "status $status, out '$(cat "$t/out")', askpass '$(cat "$t/askpass.log" 2>&1)'"
		bad=1
	fi
done
# A key of the same token that sshd does not know: refused, nothing runs.
ssh_token "$t/other.pub" "echo $nonce >/tmp/p11c-ran"
if [ $status = 255 ] && grep -q "Permission denied (publickey)" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-token-other-key
else
	failed p11c-ssh-token-other-key "status $status, out '$(cat "$t/out")'"
	bad=1
fi
# A wrong PIN: the token refuses the login (CKR_PIN_INCORRECT), ssh cannot sign, sshd refuses.
echo 11112222 >"$t/pin"
ssh_token "$t/ec.pub" "echo $nonce >/tmp/p11c-ran"
echo $pin >"$t/pin"
if [ $status = 255 ] && grep -q "PKCS#11 login failed: PIN incorrect" "$t/err" &&
	grep -q "Permission denied (publickey)" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-token-wrong-pin
else
	failed p11c-ssh-token-wrong-pin "status $status, out '$(cat "$t/out")'"
	bad=1
fi
# BatchMode: ssh may not ask for the PIN, so it skips the token (which requires a login).
ssh_token "$t/ec.pub" "echo $nonce >/tmp/p11c-ran" -o BatchMode=yes
if [ $status = 255 ] && grep -q "pin required" "$t/err" && [ ! -s "$t/askpass.log" ] &&
	[ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-token-batch
else
	failed p11c-ssh-token-batch "status $status, out '$(cat "$t/out")'"
fi

# gnutls's p11tool: without a login it sees the public keys only; logged in (the PIN from
# GNUTLS_PIN), the private ones too, by label.
p11tool --provider "$M" --list-all "pkcs11:token=$label" >"$t/p11-pub.out" 2>&1 </dev/null
s1=$?
GNUTLS_PIN=$pin p11tool --provider "$M" --login --list-all "pkcs11:token=$label" >"$t/p11-all.out" 2>&1 </dev/null
s2=$?
sed 's/^/p11tool --list-all --login: /' "$t/p11-all.out"
urls() { grep "URL: pkcs11:" "$1" | grep -o "object=[^;]*;type=[a-z]*" | LC_ALL=C sort | tr '\n' ' '; }
want_pub="object=ssh-ec;type=public object=ssh-other;type=public object=ssh-rsa;type=public "
want_all="object=ssh-ec;type=private object=ssh-ec;type=public object=ssh-other;type=private object=ssh-other;type=public object=ssh-rsa;type=private object=ssh-rsa;type=public "
if [ $s1 = 0 ] && [ $s2 = 0 ] && [ "$(urls "$t/p11-pub.out")" = "$want_pub" ] &&
	[ "$(urls "$t/p11-all.out")" = "$want_all" ] &&
	grep -q "Flags: CKA_PRIVATE; CKA_NEVER_EXTRACTABLE; CKA_SENSITIVE;" "$t/p11-all.out"; then
	ok p11c-p11tool-list-keys
else
	failed p11c-p11tool-list-keys "status $s1/$s2: '$(urls "$t/p11-pub.out")', '$(urls "$t/p11-all.out")'"
fi
# --export-pubkey: the EC key's SubjectPublicKeyInfo (PEM), the same as pkcs11-tool reads.
GNUTLS_PIN=$pin p11tool --provider "$M" --export-pubkey "pkcs11:token=$label;object=ssh-ec;type=public" \
	>"$t/p11-ec.pem" 2>"$t/p11-ec.err" </dev/null
status=$?
sed -n '/^-----BEGIN PUBLIC KEY-----$/,/^-----END PUBLIC KEY-----$/p' "$t/p11-ec.pem" | sed '1d;$d' |
	base64 -d >"$t/p11-ec.der" 2>/dev/null
if [ $status = 0 ] && [ -s "$t/p11-ec.der" ] && cmp -s "$t/p11-ec.der" "$t/tok-01.der"; then
	ok p11c-p11tool-export
else
	failed p11c-p11tool-export "status $status: $(cat "$t/p11-ec.pem" "$t/p11-ec.err")"
fi
# --test-sign: GnuTLS signs with the private key in the token and verifies with its public key.
for k in ec rsa; do
	GNUTLS_PIN=$pin p11tool --provider "$M" --login --test-sign "pkcs11:token=$label;object=ssh-$k" \
		>"$t/p11-sign.out" 2>&1 </dev/null
	status=$?
	sed "s/^/p11tool --test-sign ssh-$k: /" "$t/p11-sign.out"
	if [ $status = 0 ] && grep -q "^Verifying against public key in the token... ok" "$t/p11-sign.out"; then
		ok p11c-p11tool-sign-$k
	else
		failed p11c-p11tool-sign-$k "status $status"
	fi
done
GNUTLS_PIN=11112222 p11tool --provider "$M" --login --test-sign "pkcs11:token=$label;object=ssh-ec" \
	>"$t/p11-sign.out" 2>&1 </dev/null
status=$?
if [ $status != 0 ] && grep -q "Wrong PIN has been provided" "$t/p11-sign.out" &&
	! grep -q "Signing using" "$t/p11-sign.out"; then
	ok p11c-p11tool-wrong-pin
else
	failed p11c-p11tool-wrong-pin "status $status: $(cat "$t/p11-sign.out")"
fi

# The EC private key deleted from the token: ssh still finds the public key, but there is
# nothing to sign with: refused, nothing runs (and a right login before clears the failure
# count the wrong PIN left).
# shellcheck disable=SC2086 # $L: several options
pkcs11-tool --module "$M" $L --delete-object --type privkey --id 01 >"$t/del.out" 2>&1 ||
	failed p11c-ssh-token-deleted "delete-object: $(cat "$t/del.out")"
ssh_token "$t/ec.pub" "echo $nonce >/tmp/p11c-ran"
if [ $status = 255 ] && grep -q "cannot find private key" "$t/err" &&
	grep -q "Permission denied (publickey)" "$t/err" && [ ! -e /tmp/p11c-ran ]; then
	ok p11c-ssh-token-deleted
else
	failed p11c-ssh-token-deleted "status $status, out '$(cat "$t/out")'"
	bad=1
fi
if [ -n "$bad" ]; then
	echo "p11c: sshd's log:"
	sed 's/^/  sshd: /' /run/sshd.log
fi
echo "p11c: done"
