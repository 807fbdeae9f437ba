#!/bin/sh
# The PKCS#11 token of a VM (virt variant, docs/pkcs11-clients.md "In VMs"): Debian's
# libckteec0 and opensc's pkcs11-tool in each VM, on its own optee.ko and tee-supplicant. Both VMs
# give their token the same label, SO PIN and user PIN and a key with the same id; neither may
# reach the other's. tests/qemu/virt.d/pkcs11-vms.sh runs two VMs at once and orders their steps
# through the console (a line typed to the VM once the other VM is where it should be); the
# role comes from rampart.p11vm=:
#   owner   (vm0) initialises its token, makes key 01 and signs; waits; checks that nothing the
#           other VM did reached its token, and signs again
#   other   (vm1) waits until the owner's token is ready; finds a blank token all the same, none
#           of the owner's objects before and after its own initialisation with the same label
#           and PINs; makes its own key 01; a wrong PIN
#   again   a second boot on the same TEE disk: the token and key 01 as this VM left them
#   swapped a boot on the other VM's TEE disk: its token and key do not open here
. /usr/share/rampart/tests/lib.sh
. /usr/share/rampart/tests/p11lib.sh
need_tools p11vm-tools

role=
rollback=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.p11vm=*) role=${arg#*=} ;;
	rampart.p11vm-rollback=*) rollback=${arg#*=} ;;
	esac
done
# tee-supplicant's directory (rootfs/init), on this VM's TEE disk
state=/var/lib/optee-client
store=$state/data/tee
marker=$state/p11vm-rolled-back

label=rampart-vm-token
so=87654321
pin=12341234
L="--login --pin $pin"
data=/tmp/p11-data
# The data tests/qemu/p11_verify.py signs over (DATA)
printf 'Rampart PKCS#11 token: data to sign\n' >$data

count_out() { # count_out NAME N TEXT: the last output has TEXT on N lines
	n=$(grep -c -- "$3" "$out")
	if [ "$n" = "$2" ]; then ok "$1"; else failed "$1" "$n lines with '$3', not $2"; fi
}
# wait_go: the host types a line into this VM's console when the other VM is ready
wait_go() {
	echo "p11vm: waiting for the other VM"
	if read -t 1800 -r go && [ "$go" = go ]; then
		echo "p11vm: going on"
	else
		failed p11vm-go "no 'go' from the console: '$go'"
	fi
}
# sign_and_export TAG: key 01 signs the data; verified in the token; the public key and the
# signature on the console for the host
sign_and_export() {
	works "p11vm-sign-$1" $L --sign --id 01 -m ECDSA-SHA256 -i $data -o /tmp/sig-$1
	verified "p11vm-verify-$1" --id 01 -m ECDSA-SHA256 -i $data --signature-file /tmp/sig-$1
	export_hex "sig-$1" /tmp/sig-$1
}
user_serial() { # the token's serial number (of an identity token: from the client UUID)
	p11 -T
	echo "p11vm: user token serial $(sed -n 's/.*serial num *: *//p' "$out" | head -n1)"
}
read_pub() { # read_pub NAME: key 01's public key read out, on the console
	works "$1" --read-object --type pubkey --id 01 -o /tmp/pub.der
	export_hex pub /tmp/pub.der
}

case "$role" in
owner)
	p11 --list-slots
	has_out p11vm-blank-at-first 'uninitialized'
	works p11vm-init-token --init-token --label $label --so-pin $so
	works p11vm-init-pin --init-pin --pin $pin --so-pin $so
	works p11vm-keygen $L --keypairgen --key-type EC:prime256v1 --id 01 --label vm-key
	read_pub p11vm-read-pub
	cp /tmp/pub.der /tmp/pub-first.der
	sign_and_export first
	# root's identity token (CKTEEC_LOGIN_TYPE=user): the same client UUID in every VM
	P11ENV=CKTEEC_LOGIN_TYPE=user
	works p11vm-user-init-token --init-token --label $label --so-pin $so
	works p11vm-user-init-pin --init-pin --pin $pin --so-pin $so
	works p11vm-user-keygen $L --keypairgen --key-type EC:prime256v1 --id 02 --label user-key
	user_serial
	P11ENV=
	echo "p11vm: token ready"
	wait_go
	# The other VM initialised a token of the same label, made a key 01 and gave a wrong PIN
	flags p11vm-flags-unchanged 'PIN initialized' 'count low'
	flags p11vm-so-flags-unchanged 'token initialized' 'SO PIN count low'
	P11ENV=CKTEEC_LOGIN_TYPE=user
	p11 $L --list-objects
	count_out p11vm-user-key-kept 1 'Private Key Object'
	P11ENV=
	p11 --list-slots
	has_out p11vm-label-kept "token label *: $label"
	p11 $L --list-objects
	count_out p11vm-one-private-key 1 'Private Key Object'
	count_out p11vm-one-public-key 1 'Public Key Object'
	read_pub p11vm-read-pub-after
	if cmp -s /tmp/pub.der /tmp/pub-first.der; then ok p11vm-pub-unchanged; else failed p11vm-pub-unchanged "key 01's public key changed"; fi
	sign_and_export after
	;;
other)
	wait_go
	# The owner's token is initialised, with key 01; this VM's is not, and has nothing
	p11 --list-slots
	has_out p11vm-blank-despite-other 'uninitialized'
	lacks_out p11vm-no-other-label "token label *: $label"
	expect p11vm-other-pin-before-init CKR_USER_PIN_NOT_INITIALIZED $L --list-token-slots
	p11 --list-objects
	lacks_out p11vm-no-object-before-init 'Object;'
	fails p11vm-no-pub-before-init 'not found\|No object\|rror' --read-object --type pubkey --id 01 -o /tmp/x
	# The same label and PINs give this VM a token of its own, still without the owner's key
	works p11vm-init-token --init-token --label $label --so-pin $so
	works p11vm-init-pin --init-pin --pin $pin --so-pin $so
	p11 $L --list-objects
	lacks_out p11vm-other-key-not-listed 'Object;'
	fails p11vm-other-pub-not-read 'not found\|No object\|rror' --read-object --type pubkey --id 01 -o /tmp/x
	fails p11vm-other-key-not-signing 'not found\|No private key\|rror' $L --sign --id 01 \
		-m ECDSA-SHA256 -i $data -o /tmp/x
	works p11vm-keygen $L --keypairgen --key-type EC:prime256v1 --id 01 --label vm-key
	read_pub p11vm-read-pub
	sign_and_export first
	p11 $L --list-objects
	count_out p11vm-one-private-key 1 'Private Key Object'
	# root's identity token: the owner's client UUID, but not the owner's token either
	P11ENV=CKTEEC_LOGIN_TYPE=user
	p11 -T
	has_out p11vm-user-blank-despite-other 'uninitialized'
	works p11vm-user-init-token --init-token --label $label --so-pin $so
	works p11vm-user-init-pin --init-pin --pin $pin --so-pin $so
	user_serial
	p11 $L --list-objects
	lacks_out p11vm-user-other-key-not-listed 'Object;'
	fails p11vm-user-other-key-not-signing 'not found\|No private key\|rror' $L --sign --id 02 \
		-m ECDSA-SHA256 -i $data -o /tmp/x
	P11ENV=
	# A wrong PIN and a wrong SO PIN, counted against this VM's token (the owner checks its own
	# flags after)
	expect p11vm-wrong-pin CKR_PIN_INCORRECT --login --pin 99999999 --list-token-slots
	flags p11vm-count-low 'user PIN count low'
	expect p11vm-wrong-so-pin CKR_PIN_INCORRECT --init-token --label $label --so-pin 11111111
	flags p11vm-so-count-low 'SO PIN count low'
	;;
again)
	if [ -e $marker ]; then
		# Rebooted with the token's store put back as it was before two wrong PINs: the trusted
		# OS still knows this VM's store had a newer index (its rollback table is kept per
		# storage identity, which outlives the VM's boots) and refuses it; the PIN tries are
		# not given back.
		expect p11vm-rollback-refused CKR_DEVICE_ERROR --list-slots
		rm -rf $store $marker
		cp -a $state/snap-new $store
		sync
		flags p11vm-rollback-newer-works 'final user PIN try'
		echo "pkcs11-vm: done"
		exit 0
	fi
	p11 --list-slots
	has_out p11vm-kept-label "token label *: $label"
	p11 $L --list-objects
	count_out p11vm-kept-one-private-key 1 'Private Key Object'
	read_pub p11vm-kept-read-pub
	sign_and_export again
	[ -n "$rollback" ] || { echo "pkcs11-vm: done"; exit 0; }
	# The attacker's try at more PIN guesses: keep a copy of the store, spend two tries, put
	# the copy back and reboot this VM (the board runs on).
	rm -rf $state/snap-old $state/snap-new
	cp -a $store $state/snap-old
	expect p11vm-rollback-wrong-pin CKR_PIN_INCORRECT --login --pin 99999999 --list-token-slots
	expect p11vm-rollback-wrong-pin-2 CKR_PIN_INCORRECT --login --pin 99999999 --list-token-slots
	flags p11vm-rollback-final-try 'final user PIN try'
	cp -a $store $state/snap-new
	rm -rf $store
	cp -a $state/snap-old $store
	touch $marker
	sync
	echo "p11vm: rebooting with the store rolled back"
	reboot -f
	;;
swapped)
	# The other VM's files, sealed with its keys: the TA's store does not open here, and the
	# token answers CKR_DEVICE_ERROR (the TA's p11_token_load) rather than show a token or a key
	expect p11vm-swapped-refused CKR_DEVICE_ERROR --list-slots
	lacks_out p11vm-swapped-no-label "token label *: $label"
	p11 $L --list-objects
	lacks_out p11vm-swapped-no-key 'Private Key Object'
	if p11 $L --sign --id 01 -m ECDSA-SHA256 -i $data -o /tmp/x; then
		failed p11vm-swapped-no-signing "signed with key 01"
	else
		ok p11vm-swapped-no-signing
	fi
	# Nor is a token of this VM's made over them
	expect p11vm-swapped-no-init CKR_DEVICE_ERROR --init-token --label $label --so-pin $so
	;;
*)
	failed p11vm-role "no rampart.p11vm= role given: '$role'"
	;;
esac
echo "pkcs11-vm: done"
