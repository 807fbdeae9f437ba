# Hostile input to the trusted OS (sourced by tests/qemu/run.sh after its smp4 boot, whose guest
# runs tee-test): client logins, the statistics PTA, TPIDR_EL0 between TAs, TA files replaced on
# disk, and the development signing key named at boot.
log=$logs/smp4.log
slog=$logs/smp4.secure.log
check "smp4: tee-test trusted-app-login (a TRUSTED_APP login from Linux is refused)" "$log" \
	guest_ok "$log" tee-trusted-app-login
check "smp4: tee-test stats-privileged (statistics PTA for root and the kernel only)" "$log" \
	guest_ok "$log" tee-stats-privileged
check "smp4: tee-test tpidr-isolation (no TPIDR_EL0/TPIDRRO_EL0 from one TA entry in another)" \
	"$log" guest_ok "$log" tee-tpidr-isolation
check "smp4: tee-test ta-file-replaced (the file on disk runs at the next open)" "$log" \
	guest_ok "$log" tee-ta-file-replaced
check "smp4: a changed TA file is verified again" "$slog" has "$slog" \
	"its file changed since it was verified: verifying it again"
check "smp4: a TA file under another TA's UUID is refused" "$slog" has "$slog" \
	"the UUID in the image is not the one asked for"
# The default build verifies TAs with keys/ta_signing_key.pem and must say so at every boot.
dev_key_warned() { has "$1" "WARNING: TAs are verified with the DEVELOPMENT signing key"; }
check "smp4: the secure console names the development TA signing key" "$slog" dev_key_warned "$slog"
# ... at every boot: the reboot boot of run.sh starts the trusted OS twice.
dev_key_warned_twice() {
	[[ $(count "$1" "WARNING: TAs are verified with the DEVELOPMENT signing key") -ge 2 ]]
}
check "reboot: the development key is named again after the reboot" "$logs/reboot.secure.log" \
	dev_key_warned_twice "$logs/reboot.secure.log"
