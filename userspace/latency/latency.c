// SPDX-License-Identifier: BSD-2-Clause
/*
 * rampart-latency: the wake-up latencies a guest or a baremetal Linux sees, for `make bench`.
 *
 * - ping-pong: two processes pinned to different CPUs pass a byte back and forth through two
 *   pipes; each round trip is two cross-CPU wake-ups (an IPI to a CPU that is usually idle).
 * - timer: a 1 ms nanosleep, and by how much the wake-up overshoots it (the timer interrupt of an
 *   idle CPU and the scheduler behind it).
 * - sleep: one `sleep 1`, by the system's own clock.
 *
 * Each result is one line "rampart-latency: <name> ..." with the median, 90th percentile and
 * maximum in microseconds, which tests/bench/virt_bench.py reads.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		fprintf(stderr, "rampart-latency: cannot pin to CPU %d: %s\n", cpu, strerror(errno));
		return -1;
	}
	return 0;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *name, double *us, int n)
{
	qsort(us, (size_t)n, sizeof(*us), by_value);
	printf("rampart-latency: %s median %.0f us p90 %.0f us max %.0f us (%d samples)\n", name,
	       us[n / 2], us[n * 9 / 10], us[n - 1], n);
}

/* The partner: echo every byte back until the pipe closes. */
static void __attribute__((noreturn)) echo_back(int in, int out, int cpu)
{
	char c;

	if (pin(cpu))
		_exit(1);
	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			_exit(1);
	_exit(0);
}

static int ping_pong(int rounds, double *us)
{
	int there[2], back[2], status;
	pid_t partner;
	char c = 'x';

	if (pipe(there) || pipe(back)) {
		perror("rampart-latency: pipe");
		return -1;
	}
	partner = fork();
	if (partner < 0) {
		perror("rampart-latency: fork");
		return -1;
	}
	if (!partner) {
		close(there[1]);
		close(back[0]);
		echo_back(there[0], back[1], 1);
	}
	close(there[0]);
	close(back[1]);
	if (pin(0))
		return -1;
	for (int i = 0; i < rounds; i++) {
		double t = now_us();

		if (write(there[1], &c, 1) != 1 || read(back[0], &c, 1) != 1) {
			fprintf(stderr, "rampart-latency: the partner process stopped answering\n");
			return -1;
		}
		us[i] = now_us() - t;
	}
	close(there[1]);
	waitpid(partner, &status, 0);
	return 0;
}

static void timer_overshoot(int rounds, double *us)
{
	for (int i = 0; i < rounds; i++) {
		struct timespec ms = {0, 1000000};
		double t = now_us();

		nanosleep(&ms, NULL);
		us[i] = now_us() - t - 1000.0;
	}
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 300;
	double *us, t;

	if (rounds < 10 || rounds > 100000) {
		fprintf(stderr, "usage: rampart-latency [ROUNDS, 10..100000]\n");
		return 2;
	}
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		fprintf(stderr, "rampart-latency: needs two CPUs\n");
		return 1;
	}
	us = calloc((size_t)rounds, sizeof(*us));
	if (!us)
		return 1;
	if (ping_pong(rounds, us))
		return 1;
	report("pingpong", us, rounds);
	timer_overshoot(rounds, us);
	report("timer-1ms-overshoot", us, rounds);
	t = now_us();
	sleep(1);
	printf("rampart-latency: sleep-1s took %.3f s\n", (now_us() - t) / 1e6);
	free(us);
	return 0;
}
