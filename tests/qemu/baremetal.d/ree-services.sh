# shellcheck shell=bash disable=SC2154 # logs: set by run.sh, which sources this
# Services of the normal world for TAs: the GP TEE Sockets API (docs/trusted-os.md "Sockets")
# and tee-supplicant plugins, from the smp4 boot's tee-test run: a TA's
# TCP and UDP sockets to echo servers on the guest's loopback through Debian's tee-supplicant,
# the API's failure paths, and the attacker's side: another instance's socket handle is not
# reachable, a hostile buffer address kills the TA with the reason named.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test gp-sockets" "$log" guest_ok "$log" tee-gp-sockets
for what in "TCP 3000 bytes: 3000 bytes sent and echoed" "recv timeout: TEE_ISOCKET_ERROR_TIMEOUT" \
	"into 100 bytes of room: 100 bytes, its size 500 told" "a name that does not resolve" \
	"another instance's handle" "two sockets left open were closed when their instance ended"; do
	check "smp4: gp-sockets: $what" "$log" has "$log" "$what"
done
check "smp4: a socket call with a hostile buffer kills the TA, the reason named" "$slog" \
	has "$slog" "killed: socket call: buffer outside the TA's memory"
check "smp4: a socket open with hostile arguments kills the TA, the reason named" "$slog" \
	has "$slog" "killed: socket open: arguments outside the TA's memory"
# tee-supplicant plugins (docs/trusted-os.md "tee-supplicant plugins"): tee-test's plugin, from a TA.
check "smp4: tee-test supp-plugin" "$log" guest_ok "$log" tee-supp-plugin
check "smp4: a plugin answering more than it was given writes nothing past the TA's buffer" \
	"$log" has "$log" "a plugin claiming 4196 bytes of 100: told, nothing written past the buffer"
check "smp4: a plugin call with a hostile buffer kills the TA, the reason named" "$slog" \
	has "$slog" "killed: supplicant plugin: buffer outside the TA's memory"
# GP v1.1's lengths for TAs built with CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y (docs/ta-sdk.md).
check "smp4: tee-test gp11-compat" "$log" guest_ok "$log" tee-gp11-compat
