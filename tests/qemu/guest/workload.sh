#!/bin/sh
# make bench: a fixed amount of work for comparing a VM against baremetal. Each round starts a
# process pinned to another CPU: fork, exec and exit (system calls, page faults) and the
# cross-CPU wake-ups and migrations that come with it (IPIs). Timed with the guest's clock.
rounds=400
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	rampart.rounds=*) rounds=${arg#*=} ;;
	esac
done
cpus=$(nproc)
read -r t0 _ </proc/uptime
i=0
while [ $i -lt "$rounds" ]; do
	taskset -c $((i % cpus)) /bin/true
	i=$((i + 1))
done
read -r t1 _ </proc/uptime
echo "rampart-bench: workload $rounds rounds on $cpus CPUs in $(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }') s"
# Wake-up latencies (cross-CPU ping-pong, timer, sleep 1): userspace/latency/latency.c.
rampart-latency 300 || echo "rampart-latency: failed"
echo "rampart-bench: done"
