#!/bin/sh
# Containers that reach the TEE (docs/containers.md): Debian's crun runs the OCI bundle the build
# put at /var/lib/rampart/bundles/tee, with /dev/tee0 passed in and tee-supplicant on this side.
#   - tee-test's cases in a container pass, and crun exits with tee-test's status (0);
#   - crun exits with the container's status: a command that exits 7 gives 7;
#   - a container without the device: tee-test names /dev/tee0 missing and fails;
#   - a container with the node but no cgroup rule allowing it: the open is refused.
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

# container NAME [rampart-bundle options] [COMMAND...]: run one container to its end, its output
# in $run/NAME.out (also on the console, each line prefixed), crun's status in $status.
container() {
	name=$1
	shift
	no_tee=
	if [ "${1-}" = --no-tee ]; then
		no_tee=1
		shift
	fi
	rampart-bundle ${no_tee:+--no-tee} "$bundle" "$run/$name" "$@" || {
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
container look /bin/sh -c 'cat /proc/[0-9]*/comm; echo x 2>/dev/null >/probe && echo root-writable; ls /dev'
if [ "$status" = 0 ] && ! grep -q tee-supplicant "$run/look.out" &&
	! grep -q root-writable "$run/look.out" && grep -qx tee0 "$run/look.out"; then
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
