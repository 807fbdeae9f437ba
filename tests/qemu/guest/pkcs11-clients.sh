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
#     module gives it no key, after loading the module.
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
echo "p11c: done"
