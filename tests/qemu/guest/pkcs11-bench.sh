#!/bin/sh
# make bench: whole pkcs11-tool runs against the PKCS#11 token, each between a "start" and an "end"
# line that the host stamps as they arrive (tests/bench/pkcs11_bench.py). The same script runs on
# Rampart and on the reference (OP-TEE's pkcs11 TA): the token starts uninitialised (no disk, so
# tee-supplicant's files are in RAM). A run that fails prints a "failed" line before its "end".
. /usr/share/rampart/tests/lib.sh
need_tools pkcs11-bench
module=/usr/lib/aarch64-linux-gnu/libckteec.so.0
so_pin=12345678
user_pin=87654321
rounds=5

p11() {
	pkcs11-tool --module "$module" "$@" >/tmp/p11bench.out 2>&1 && return 0
	echo "rampart-p11bench: failed: pkcs11-tool $*"
	tail -n 3 /tmp/p11bench.out
}

timed() {
	name=$1
	shift
	echo "rampart-p11bench: start $name"
	p11 "$@"
	echo "rampart-p11bench: end $name"
}

# The first run after boot loads the TA (and the token's state from trusted storage).
timed first-use --init-token --label bench --so-pin "$so_pin"
p11 --init-pin --so-pin "$so_pin" --pin "$user_pin"
# The user's first login: library start-up, session, C_Login (the PIN check and its failure
# count written to trusted storage), and an empty object list.
timed first-login --login --pin "$user_pin" --list-objects
timed keygen-ec-p256 --login --pin "$user_pin" --keypairgen --key-type EC:prime256v1 --id 01 \
	--label bench-ec
timed keygen-rsa-2048 --login --pin "$user_pin" --keypairgen --key-type rsa:2048 --id 02 \
	--label bench-rsa
echo "Rampart PKCS#11 signing benchmark input" >/tmp/p11bench.in
i=0
while [ $i -lt $rounds ]; do
	# What every run pays before it reaches the token's keys: pkcs11-tool and its libraries
	# loaded, C_Initialize (a TEE context and a session to the TA), C_GetInfo.
	timed client-start --show-info
	timed login --login --pin "$user_pin" --list-objects
	timed sign-ecdsa-p256 --login --pin "$user_pin" --sign -m ECDSA-SHA256 --id 01 \
		-i /tmp/p11bench.in -o /tmp/p11bench.sig
	timed sign-rsa-2048 --login --pin "$user_pin" --sign -m SHA256-RSA-PKCS --id 02 \
		-i /tmp/p11bench.in -o /tmp/p11bench.sig
	i=$((i + 1))
done
echo "rampart-p11bench: done"
