# shellcheck shell=bash disable=SC2154 # top, logs, kernel, initrd_tools, rc: set by run.sh, which sources this
# Containers that reach the TEE (docs/containers.md): Debian's crun in the initramfs runs the OCI
# bundle the build made, /dev/tee0 passed in, tee-supplicant outside (tests/qemu/guest/containers.sh).
# The failure paths: a container without the device, one whose cgroup rule denies it, and a
# process that exits 7, whose status crun must pass on. Then PKCS#11: a container given the
# client (rampart-bundle --pkcs11) signs with the token, and fails with a wrong PIN and without
# the device. Then tokens per identity: containers of their own uids with CKTEEC_LOGIN_TYPE=user
# each get a token of their own, which no other identity reaches (docs/pkcs11-clients.md); a
# second boot on the same TEE disk finds their tokens and keys as the first left them.
. "$top/tests/qemu/disk.sh"
ctr_img=$(disk_new containers)
disk_boot containers "$ctr_img" 900 -smp 4 -m 2048 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=containers"
log=$logs/containers.log
check "containers: crun runs" "$log" guest_ok "$log" crun
for c in context open-invoke-close params null-short-buffer registered-memory allocated-memory \
	many-sessions ta-to-ta peer-shared-instance ta-properties ta-random; do
	check "containers: tee-test $c in a container with /dev/tee0" "$log" guest_ok "$log" "container-tee-$c"
done
check "containers: tee-test in a container passes and crun exits 0" "$log" guest_ok "$log" container-tee-status
check "containers: the container has its own PID namespace, a read-only root and /dev/tee0" "$log" \
	guest_ok "$log" container-sees
check "containers: crun exits with the container's status (7)" "$log" guest_ok "$log" container-exit-status
check "containers: without the device, the TEE client names /dev/tee0 missing and fails" "$log" \
	guest_ok "$log" container-no-tee
check "containers: a cgroup rule denying /dev/tee0 refuses its open" "$log" guest_ok "$log" container-no-rule
check "containers: tee-supplicant and a client outside still work after" "$log" \
	guest_ok "$log" container-host-after
check "containers: the token's key made outside for it" "$log" guest_ok "$log" container-pkcs11-key
check "containers: a container with the PKCS#11 client signs with the token's key, verified outside" "$log" \
	guest_ok "$log" container-pkcs11-sign
check "containers: a wrong PIN in the container is refused" "$log" guest_ok "$log" container-pkcs11-wrong-pin
check "containers: without the device, the container's pkcs11-tool fails at C_Initialize" "$log" \
	guest_ok "$log" container-pkcs11-no-tee
p11id() { # p11id CHECK WHAT: one guest check of the identity tokens
	check "containers: $2" "$log" guest_ok "$log" "p11id-$1"
}
p11id a-fresh "a uid's token (A, user login) is blank before its C_InitToken, the shared one initialised"
p11id a-key "A initialises its token, makes a key pair and signs with it"
p11id a-info "A's token info: model TEE user token, its label, a serial of 16 hex digits"
p11id b-fresh "B (another uid): before its C_InitToken, A's PIN logs in to nothing and A's key id signs nothing"
p11id b-own "B initialises its own token with A's label and PINs and makes a key; its serial is not A's"
p11id b-not-a "B lists none of A's objects, cannot sign with or read A's key id, sees no shared object"
p11id a-kept "A's key is still there afterwards, the same public key, and signs; B's key is not in A's token"
p11id public-apart "a public client outside sees the shared token's key and neither container's; they saw none of it"
p11id public-uid "a container of its own uid without CKTEEC_LOGIN_TYPE is a public client: the shared token"
p11id group-not-member "a group login for a group the uid is not in: the session is refused, C_Initialize fails"
p11id group-own "a group login for the uid's own group: a token of the group, not A's"
p11id concurrent "while A's token is in use, B lists none of its objects and cannot use its key; A's second client can"
p11id quota "an identity token holds 8 token objects: the 9th is refused with CKR_DEVICE_MEMORY"
p11id table-full "an identity token that does not fit the object table answers CKR_DEVICE_MEMORY, none of it shown, until there is room"
p11id limit "4 identities at once: a 5th is refused (TEE_ERROR_BUSY) until one leaves; the others served"
# The serial is the first 8 octets of the client UUID Linux computes (UUIDv5 in its TEE client
# namespace of "uid=" or "gid=" and the id in hex), computed here independently.
tee_uuid() { python3 -c 'import sys, uuid; print(uuid.uuid5(uuid.UUID("58ac9ca0-2086-4683-a1b8-ec4bc08e01b6"), sys.argv[1]).hex[:16])' "$1"; }
check "containers: A's token serial is the client UUID of uid 1001" "$log" has "$log" "p11id-serial uid 1001: $(tee_uuid uid=3e9)"
check "containers: B's token serial is the client UUID of uid 1002" "$log" has "$log" "p11id-serial uid 1002: $(tee_uuid uid=3ea)"
check "containers: the group token's serial is the client UUID of gid 1001" "$log" has "$log" "p11id-serial gid 1001: $(tee_uuid gid=3e9)"
no_failed() { ! grep -q "^rampart-check: .*: FAILED" "$1"; }
check "containers: no check failed in the guest" "$log" no_failed "$log"
check "containers: the guest script ran to its end" "$log" has "$log" "containers: done"
check "containers: poweroff ends QEMU with status 0" "$log" exited_cleanly

# The second boot: A's and B's tokens, keys and serials are there, apart as before.
a_pub=$(sed -n 's/^container id-a2: p11id a-pub-hash \([0-9a-f]*\).*/\1/p' "$log" | head -n 1)
disk_boot containers-again "$ctr_img" 300 -smp 2 -m 1024 -kernel "$kernel" -initrd "$initrd_tools" \
	-append "console=ttyAMA0 rampart.test=containers rampart.containers=second"
log=$logs/containers-again.log
check "containers-again: A's token kept its key, which signs; none of B's or the shared token's" "$log" \
	guest_ok "$log" p11id-again-a
check "containers-again: B's token kept its key, which signs; A's key id signs nothing there" "$log" \
	guest_ok "$log" p11id-again-b
check "containers-again: the public client's shared token kept its key, and none of theirs" "$log" \
	guest_ok "$log" p11id-again-public
same_pub() { [[ -n $a_pub ]] && grep -q "p11id r-a-pub-hash $a_pub" "$1"; }
check "containers-again: A's public key is the one the first boot made" "$log" same_pub "$log"
serials_again() {
	has "$1" "p11id-again-serial uid 1001: $(tee_uuid uid=3e9)" &&
		has "$1" "p11id-again-serial uid 1002: $(tee_uuid uid=3ea)"
}
check "containers-again: A's and B's serials are still their uids' client UUIDs" "$log" serials_again "$log"
check "containers-again: no check failed in the guest" "$log" no_failed "$log"
check "containers-again: the guest script ran to its end" "$log" has "$log" "containers: done"
check "containers-again: poweroff ends QEMU with status 0" "$log" exited_cleanly
