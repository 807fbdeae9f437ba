# shellcheck shell=bash disable=SC2154 # logs, kernel, initrd_tools, rc: set by run.sh, which sources this
# The PKCS#11 clients of the tools archive besides pkcs11-tool, and OpenSSH
# (tests/qemu/guest/pkcs11-clients.sh): sshd started by rampart-sshd, ssh logging in to it on
# 127.0.0.1 with a key from a file, a key not authorized and an unknown host key refused;
# gnutls's p11tool listing the token through libckteec, ssh -I and ssh-keygen -D on a token
# with no keys, and p11tool and ssh-keygen -D with a module that is not there; then keys made in
# the token: ssh-keygen -D prints them (the same as the token's), ssh -I logs in with the EC and
# the RSA key, and a key not authorized, a wrong PIN, BatchMode and a deleted private key are
# refused; p11tool lists, exports and signs with them, and refuses a wrong PIN. A fresh TEE disk:
# the token starts uninitialised.
disk_boot pkcs11-clients "$(disk_new pkcs11-clients)" 300 -smp 2 -m 1024 -kernel "$kernel" \
	-initrd "$initrd_tools" -append "console=ttyAMA0 rampart.test=pkcs11-clients"
log=$logs/pkcs11-clients.log
for c in p11c-keygen p11c-sshd-starts p11c-host-keys p11c-ssh-login p11c-ssh-status \
	p11c-ssh-wrong-key p11c-ssh-wrong-host-key p11c-p11tool-token p11c-ssh-pkcs11-no-keys \
	p11c-p11tool-bad-provider p11c-keygen-no-keys p11c-keygen-bad-module p11c-token-keys \
	p11c-keygen-token-keys p11c-keygen-same-keys p11c-ssh-token-ec p11c-ssh-token-rsa \
	p11c-ssh-token-other-key p11c-ssh-token-wrong-pin p11c-ssh-token-batch p11c-p11tool-list-keys \
	p11c-p11tool-export p11c-p11tool-sign-ec p11c-p11tool-sign-rsa p11c-p11tool-wrong-pin \
	p11c-ssh-token-deleted; do
	check "pkcs11-clients: $c" "$log" guest_ok "$log" "$c"
done
no_failed() { ! grep -q "^rampart-check: .*: FAILED" "$1"; }
check "pkcs11-clients: no check failed in the guest" "$log" no_failed "$log"
check "pkcs11-clients: the guest script ran to its end" "$log" has "$log" "p11c: done"
check "pkcs11-clients: poweroff ends QEMU with status 0" "$log" exited_cleanly
