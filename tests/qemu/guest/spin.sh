#!/bin/sh
# Inside one VM of the virt variant, for the scheduler's tests (tests/qemu/virt.d/sched.sh):
# a CPU-bound loop on every vCPU for rampart.spin=S seconds of the VM's own clock (default 60).
# Each loop counts rounds of work done between S/3 and 2S/3, when the other VM, started at about
# the same time, spins too; the sum is the VM's work ("rampart-spin: work N"), which the host
# compares between the VMs. With rampart.sleep-check=1 the VM does not spin but times
# `sleep 1` (rampart-latency's sleep and timer lines) while the other VM spins. With
# rampart.fp-check=S or rampart.sve-check=S it checks FP/SIMD or SVE sums on every vCPU instead.
. /usr/share/rampart/tests/lib.sh

# worker FROM TO END N: rounds of work counted between FROM and TO s of uptime; stops at END.
if [ "$1" = worker ]; then
	w=0
	while :; do
		j=0
		while [ $j -lt 100 ]; do j=$((j + 1)); done
		read -r t _ </proc/uptime
		t=${t%.*}
		[ "$t" -ge "$4" ] && break
		[ "$t" -ge "$2" ] && [ "$t" -lt "$3" ] && w=$((w + 1))
	done
	echo "$w" >"/tmp/spin.$5"
	exit 0
fi

# fpworker END N: floating-point sums checked until END s of uptime; a wrong one is reported.
if [ "$1" = fpworker ]; then
	bad=0
	runs=0
	while :; do
		read -r t _ </proc/uptime
		[ "${t%.*}" -ge "$2" ] && break
		awk 'BEGIN { s = 0; for (i = 1; i <= 4000; i++) s += i * 0.25; if (s != 2000500) exit 1 }' ||
			bad=$((bad + 1))
		runs=$((runs + 1))
	done
	echo "$runs $bad" >"/tmp/fp.$3"
	exit 0
fi

secs=60
sleep_check=
fp_check=
sve_check=
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.spin=*) secs=${arg#*=} ;;
	rampart.sleep-check=*) sleep_check=${arg#*=} ;;
	rampart.fp-check=*) fp_check=${arg#*=} ;;
	rampart.sve-check=*) sve_check=${arg#*=} ;;
	esac
done

now() { read -r t _ </proc/uptime; echo "${t%.*}"; }

# With rampart.fp-check=S: floating-point loops on every vCPU for S seconds, checked (the other
# VM does the same: FP/SIMD registers not switched with the vCPUs would corrupt the sums).
if [ -n "$fp_check" ]; then
	end=$(($(now) + fp_check))
	c=0
	while [ $c -lt "$(nproc)" ]; do
		taskset -c $c "$0" fpworker $end $c &
		c=$((c + 1))
	done
	wait
	runs=0
	bad=0
	c=0
	while [ $c -lt "$(nproc)" ]; do
		read -r r b <"/tmp/fp.$c" || { r=0; b=1; }
		runs=$((runs + r))
		bad=$((bad + b))
		c=$((c + 1))
	done
	echo "rampart-info: fp: $runs sums, $bad wrong"
	if [ "$runs" -gt 0 ] && [ "$bad" = 0 ]; then ok fp; else failed fp "$bad of $runs sums wrong"; fi
	exit 0
fi

# With rampart.sve-check=S: rampart-sve-check on every vCPU for S seconds (Z0-Z31 at the longest
# vector length, P0-P15 and FFR checked after long loops; the other VM does the same: SVE state not
# switched with the vCPUs would corrupt the sums).
if [ -n "$sve_check" ]; then
	c=0
	while [ $c -lt "$(nproc)" ]; do
		taskset -c $c rampart-sve-check "$sve_check" $((c * 1000 + $$)) >"/tmp/sve.$c" 2>&1 &
		c=$((c + 1))
	done
	wait
	rounds=0
	bad=0
	c=0
	while [ $c -lt "$(nproc)" ]; do
		line=$(cat "/tmp/sve.$c")
		echo "rampart-info: vCPU $c: $line"
		set -- $(echo "$line" | sed -n 's/^rampart-sve-check: \([0-9]*\) rounds, \([0-9]*\) wrong.*/\1 \2/p')
		rounds=$((rounds + ${1:-0}))
		bad=$((bad + ${2:-1}))
		c=$((c + 1))
	done
	echo "rampart-info: sve: $rounds rounds, $bad wrong"
	if [ "$rounds" -gt 0 ] && [ "$bad" = 0 ]; then ok sve; else failed sve "$bad of $rounds rounds wrong"; fi
	exit 0
fi

if [ -n "$sleep_check" ]; then
	sleep 10 # the other VM is spinning by then
	i=0
	while [ $i -lt 5 ]; do
		read -r t0 _ </proc/uptime
		sleep 1
		read -r t1 _ </proc/uptime
		echo "$t0 $t1" | awk '{ printf "rampart-spin: sleep 1 took %.3f s\n", $2 - $1 }'
		i=$((i + 1))
	done
	rampart-latency 100 || echo "rampart-latency: failed"
	echo "rampart-info: spin done"
	exit 0
fi

start=$(now)
from=$((start + secs / 3))
to=$((start + 2 * secs / 3))
end=$((start + secs))
echo "rampart-mark: spin-start"
cpus=$(nproc)
c=0
while [ $c -lt "$cpus" ]; do
	taskset -c $c "$0" worker $from $to $end $c &
	c=$((c + 1))
done
wait
total=0
c=0
while [ $c -lt "$cpus" ]; do
	n=$(cat "/tmp/spin.$c" 2>/dev/null || echo 0)
	echo "rampart-info: vCPU $c: work $n"
	total=$((total + n))
	c=$((c + 1))
done
echo "rampart-spin: work $total in $((to - from)) s on $cpus vCPUs"
if [ "$total" -gt 0 ]; then ok spin; else failed spin "no work counted"; fi
echo "rampart-info: spin done"
