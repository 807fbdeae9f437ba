# shellcheck shell=bash disable=SC2154 # build, work, logs, kernel, log, rc: set by virt.sh, which sources this
# virt variant: SME state across vCPU switches (docs/hypervisor.md "Scheduling": SVCR, ZA and
# the streaming Z registers), which Debian's 6.1 guest kernel does not offer its programs.
# nwfuzz (tests/nwfuzz/sme.c, linked for this VM's RAM) runs as one VM of two vCPUs kept on
# CPU 0 (`cpus = <0>;`) on -cpu max: both vCPUs load ZA and Z0-Z31 in Streaming SVE mode with
# patterns of their own, spin across several time slices while the other runs, and read them
# back. Sourced by tests/qemu/virt.sh (uses its helpers).
cat >"$work/sme.dts" <<'DTS'
/dts-v1/;
/ {
	sme {
		vcpus = <2>;
		memory-mib = <256>;
		memory-base = <0 0x5e000000>;
		kernel = "opt/rampart/nwfuzz";
		bootargs = "nwfuzz.sme=4";
		cpus = <0>;
	};
};
DTS
dtc -q -I dts -O dtb -o "$work/sme.dtb" "$work/sme.dts"
# QEMU takes the last -cpu given: this one.
start sme sme 2 -kernel "$kernel" -fw_cfg "name=opt/rampart/nwfuzz,file=$build/nwfuzz/Image-vm" \
	-cpu max
finish 600
check "sme: the two vCPUs share CPU 0" "$log" grep -q "^\[hyp\] sme: 2 vCPUs sharing CPUs 0" "$log"
for n in 0 1; do
	check "sme: vCPU$n's ZA and streaming Z0-Z31 kept across switches" "$log" \
		has "$log" "[sme] nwfuzz: sme vCPU$n: ZA and streaming Z kept across switches: ok"
done
check "sme: the vCPUs were switched on their CPU (statistics)" "$log" \
	awk '{ sub(/\r$/, "") } $1 == "[hyp]" && $2 == "sme:" && /of vCPU time/ { print "  " substr($0, 7)
		for (i = 1; i <= NF; i++) if ($i == "vCPU" && $(i + 1) == "loads") n = $(i - 1) }
		END { exit !(n >= 20) }' "$log"
check "sme: QEMU ends with status 0" "$log" exited_cleanly
