#!/bin/sh
# Guest half of `make examples`: run each optee_examples host program the image has, as its
# README shows it, each under a time limit; one "example: <name> exit <status>" line each.
[ -c /dev/tee0 ] || { echo "examples-run: no /dev/tee0: the TEE driver did not bind"; exit 1; }
for prog in /usr/bin/optee_example_*; do
	[ -x "$prog" ] || continue
	name=${prog#/usr/bin/optee_example_}
	case $name in
	acipher) set -- 2048 "Rampart runs OP-TEE's examples" ;; # <key_size> <string to encrypt>
	sha) set -- "Rampart runs OP-TEE's examples" ;;        # <string to process>
	*) set -- ;;
	esac
	echo "example: $name begin"
	timeout 300 "$prog" "$@" 2>&1
	echo "example: $name exit $?"
done
echo "examples-run: done"
