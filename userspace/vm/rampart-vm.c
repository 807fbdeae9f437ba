// SPDX-License-Identifier: BSD-2-Clause
/*
 * rampart-vm: manage the other VMs from the control VM (docs/hypervisor.md "VM management
 * interface").
 *
 *   rampart-vm list                     name, state, vCPUs, memory, CPU time, boots
 *   rampart-vm start|stop|destroy|restart NAME
 *   rampart-vm console [-n] [-t SECONDS] [-u TEXT] NAME
 *        print the VM's recent output (-n: new output only) and follow it; typed input goes to
 *        the VM; Ctrl-] leaves. -t leaves after SECONDS; -u leaves as soon as TEXT was seen
 *        (status 1 if it was not seen in time).
 *   rampart-vm --at ADDRESS ...         use the register page at ADDRESS (tests)
 *
 * Debian's kernel gives user space no HVC, so the tool maps the hypervisor's register page
 * (hyp/vmctl.h), found in the device tree, through /dev/mem: the kernel allows that for an
 * address that is neither RAM nor claimed by a driver (STRICT_DEVMEM, IO_STRICT_DEVMEM). Each
 * call holds an flock on /dev/mem, since the page's registers are one set for the whole VM.
 * Exit status: 0 done, 1 refused by the hypervisor, 2 usage or no control page, 3 the page
 * faulted (this VM is not the control VM).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "vmctl.h"

#define DT_ROOT	   "/proc/device-tree"
#define ESCAPE_KEY 0x1d /* Ctrl-] */
#define MATCH_KEEP 256

static volatile uint64_t *regs;
static uint64_t page_addr;
static int mem_fd = -1;
static struct termios saved_tty;
static int tty_raw;

static void restore_tty(void)
{
	if (tty_raw)
		tcsetattr(0, TCSANOW, &saved_tty);
}

static void on_sigbus(int sig)
{
	static const char msg[] = "rampart-vm: the control page faulted (SIGBUS): this VM is not "
				  "the control VM\n";

	(void)sig;
	restore_tty();
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(3);
}

/* The "rampart,vm-control" node's reg (two cells of address, two of size): 0 or -1. */
static int find_page(uint64_t *addr)
{
	DIR *d = opendir(DT_ROOT);
	struct dirent *e;
	int found = -1;

	if (!d)
		return -1;
	while (found && (e = readdir(d))) {
		char path[512], compat[64] = "";
		unsigned char reg[16];
		FILE *f;

		if (strncmp(e->d_name, "vm-control@", 11))
			continue;
		snprintf(path, sizeof(path), DT_ROOT "/%s/compatible", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (!fgets(compat, sizeof(compat), f))
			compat[0] = '\0';
		fclose(f);
		if (strcmp(compat, "rampart,vm-control"))
			continue;
		snprintf(path, sizeof(path), DT_ROOT "/%s/reg", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fread(reg, 1, sizeof(reg), f) == sizeof(reg)) {
			*addr = 0;
			for (int i = 0; i < 8; i++)
				*addr = *addr << 8 | reg[i];
			found = 0;
		}
		fclose(f);
	}
	closedir(d);
	return found;
}

static void open_page(int forced)
{
	void *p;

	if (!forced && find_page(&page_addr)) {
		fprintf(stderr,
			"rampart-vm: not allowed: this VM is not the control VM (its device "
			"tree has no rampart,vm-control node)\n");
		exit(2);
	}
	mem_fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (mem_fd < 0) {
		fprintf(stderr, "rampart-vm: /dev/mem: %s\n", strerror(errno));
		exit(2);
	}
	p = mmap(NULL, VMCTL_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, mem_fd, (off_t)page_addr);
	if (p == MAP_FAILED) {
		fprintf(stderr, "rampart-vm: mapping %#llx from /dev/mem: %s\n",
			(unsigned long long)page_addr, strerror(errno));
		exit(2);
	}
	regs = p;
	signal(SIGBUS, on_sigbus);
	if ((uint32_t)regs[VMCTL_REG_ID / 8] != VMCTL_ID) {
		fprintf(stderr, "rampart-vm: no VM management registers at %#llx\n",
			(unsigned long long)page_addr);
		exit(2);
	}
}

/* One call: x[0] the function, x[1]-x[6] arguments; results in x[0]-x[3]. Returns x[0]. */
static int64_t call(uint64_t x[8])
{
	flock(mem_fd, LOCK_EX);
	for (int i = 1; i < 7; i++)
		regs[i] = x[i];
	regs[0] = x[0];
	regs[VMCTL_REG_CALL / 8] = 1;
	for (int i = 0; i < 4; i++)
		x[i] = regs[i];
	flock(mem_fd, LOCK_UN);
	return (int64_t)x[0];
}

static const char *refusal(int64_t r)
{
	switch (r) {
	case VMCTL_NOT_SUPPORTED:
		return "not allowed: this VM is not the control VM";
	case VMCTL_INVALID:
		return "invalid request";
	case VMCTL_UNKNOWN_VM:
		return "no such VM";
	case VMCTL_ALREADY_RUNNING:
		return "already running";
	case VMCTL_ALREADY_OFF:
		return "already off";
	case VMCTL_NOT_ALLOWED:
		return "not allowed: the control VM does not stop, destroy or restart itself "
		       "(poweroff or reboot inside it)";
	case VMCTL_BUSY:
		return "busy: it is stopping or restarting; try again";
	}
	return "refused";
}

static int64_t named_call(uint32_t fid, const char *name, uint64_t x[8])
{
	if (strlen(name) >= VMCTL_NAME_BYTES) {
		fprintf(stderr, "rampart-vm: %s: no such VM (names are at most %d characters)\n",
			name, VMCTL_NAME_BYTES - 1);
		exit(1);
	}
	x[0] = fid;
	vmctl_name_pack(name, &x[1], &x[2]);
	return call(x);
}

static const char *state_name(unsigned int s)
{
	static const char *const names[] = {"running", "stopping", "restarting", "off"};

	return s < 4 ? names[s] : "?";
}

static int info(unsigned int i, char name[VMCTL_NAME_BYTES], uint64_t *flags, uint64_t *mem,
		uint64_t *us)
{
	uint64_t x[8] = {VMCTL_VM_NAME, i};

	if (call(x) != VMCTL_OK || vmctl_name_unpack(x[1], x[2], name))
		return -1;
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_VM_INFO;
	x[1] = i;
	if (call(x) != VMCTL_OK)
		return -1;
	*flags = x[1];
	*mem = x[2];
	*us = x[3];
	return 0;
}

static int cmd_list(void)
{
	char name[VMCTL_NAME_BYTES];
	uint64_t flags, mem, us;

	printf("%-15s %-10s %5s %10s %12s %5s\n", "NAME", "STATE", "VCPUS", "MEMORY", "CPU-TIME",
	       "BOOTS");
	for (unsigned int i = 0; !info(i, name, &flags, &mem, &us); i++)
		printf("%-15s %-10s %5u %6llu MiB %10llu.%01llus %5u%s\n", name,
		       state_name(flags & 0xff), (unsigned int)(flags >> 8 & 0xff),
		       (unsigned long long)(mem >> 20), (unsigned long long)(us / 1000000),
		       (unsigned long long)(us / 100000 % 10), (unsigned int)(flags >> 32),
		       flags & VMCTL_INFO_CONTROL ? " control" : "");
	return 0;
}

/* The state of the VM called name, or -1. */
static int state_of(const char *name)
{
	char n[VMCTL_NAME_BYTES];
	uint64_t flags, mem, us;

	for (unsigned int i = 0; !info(i, n, &flags, &mem, &us); i++)
		if (!strcmp(n, name))
			return (int)(flags & 0xff);
	return -1;
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

	nanosleep(&ts, NULL);
}

static int cmd_lifecycle(const char *cmd, uint32_t fid, const char *name)
{
	uint64_t x[8] = {0};
	int64_t r = named_call(fid, name, x);

	if (r != VMCTL_OK) {
		fprintf(stderr, "rampart-vm: %s %s: %s\n", cmd, name, refusal(r));
		return r == VMCTL_NOT_SUPPORTED ? 2 : 1;
	}
	/* A stop ends when the VM is off: its vCPUs out, its devices quiet (up to 30 s). */
	if (fid == VMCTL_STOP) {
		for (int i = 0; i < 3000 && state_of(name) != VMCTL_STATE_OFF; i++)
			sleep_ms(10);
		if (state_of(name) != VMCTL_STATE_OFF) {
			fprintf(stderr, "rampart-vm: stop %s: still not off after 30 s\n", name);
			return 1;
		}
	}
	printf("rampart-vm: %s: %s\n", name,
	       fid == VMCTL_STOP      ? "off"
	       : fid == VMCTL_DESTROY ? "destroyed"
	       : fid == VMCTL_START   ? "starting"
				      : "restarting");
	return 0;
}

/* Something printed after the last line end: console ends that line before it returns. */
static int mid_line;

/* The VM's bytes as text: printable ASCII, LF and TAB as they are, CR dropped, others \xHH. */
static void show(const uint8_t *b, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if ((b[i] >= 0x20 && b[i] < 0x7f) || b[i] == '\n' || b[i] == '\t')
			putchar(b[i]);
		else if (b[i] != '\r')
			printf("\\x%02x", b[i]);
		else
			continue;
		mid_line = b[i] != '\n';
	}
	fflush(stdout);
}

/*
 * Leaving the console: a VM's line cut short (a -u match inside a chunk, a time limit) is ended
 * here, so what the caller prints next starts a line of its own.
 */
static void end_console(void)
{
	restore_tty();
	if (mid_line || tty_raw)
		putchar('\n');
	mid_line = 0;
	fflush(stdout);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Send n typed bytes, waiting while the VM's receive FIFO is full (up to 5 s). */
static int send_input(const char *name, const uint8_t *in, size_t n)
{
	double give_up = now_s() + 5;

	while (n) {
		uint64_t x[8] = {0};
		size_t k = n < VMCTL_DATA_BYTES ? n : VMCTL_DATA_BYTES;
		int64_t r;

		x[3] = k;
		for (size_t i = 0; i < k; i++)
			x[4 + i / 8] |= (uint64_t)in[i] << (8 * (i % 8));
		r = named_call(VMCTL_CON_WRITE, name, x);
		if (r < 0) {
			fprintf(stderr, "rampart-vm: console %s: %s\n", name, refusal(r));
			return -1;
		}
		in += r;
		n -= (size_t)r;
		if (!r) {
			if (now_s() > give_up)
				return -1;
			sleep_ms(10);
		}
	}
	return 0;
}

static int cmd_console(int argc, char **argv)
{
	double limit = 0, end;
	const char *until = NULL, *name;
	char seen[MATCH_KEEP * 2 + 1] = "";
	size_t seen_len = 0;
	uint64_t pos = 0;
	int opt, input = 1;

	optind = 1;
	while ((opt = getopt(argc, argv, "+nt:u:")) != -1) {
		switch (opt) {
		case 'n':
			pos = VMCTL_POS_END;
			break;
		case 't':
			limit = atof(optarg);
			break;
		case 'u':
			until = optarg;
			break;
		default:
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: rampart-vm console [-n] [-t SECONDS] [-u TEXT] NAME\n");
		return 2;
	}
	name = argv[optind];
	if (isatty(0) && !tcgetattr(0, &saved_tty)) {
		struct termios raw = saved_tty;

		cfmakeraw(&raw);
		raw.c_oflag = saved_tty.c_oflag; /* keep LF -> CR LF on output */
		tcsetattr(0, TCSANOW, &raw);
		tty_raw = 1;
		fprintf(stderr, "rampart-vm: console of %s; Ctrl-] leaves\r\n", name);
	}
	end = now_s() + limit;
	for (;;) {
		uint64_t x[8] = {0};
		uint8_t buf[VMCTL_DATA_BYTES];
		int64_t n;
		struct pollfd pfd = {0, POLLIN, 0};

		x[3] = pos;
		n = named_call(VMCTL_CON_READ, name, x);
		if (n < 0) {
			restore_tty();
			fprintf(stderr, "rampart-vm: console %s: %s\n", name, refusal(n));
			return n == VMCTL_NOT_SUPPORTED ? 2 : 1;
		}
		pos = x[1];
		memcpy(buf, &x[2], 8);
		memcpy(buf + 8, &x[3], 8);
		show(buf, (unsigned int)n);
		if (until && n) {
			memcpy(seen + seen_len, buf, (size_t)n);
			seen_len += (size_t)n;
			seen[seen_len] = '\0';
			for (size_t i = 0; i < seen_len; i++)
				if (!seen[i])
					seen[i] = ' ';
			if (strstr(seen, until)) {
				end_console();
				return 0;
			}
			if (seen_len > MATCH_KEEP) {
				memmove(seen, seen + seen_len - MATCH_KEEP, MATCH_KEEP);
				seen_len = MATCH_KEEP;
			}
		}
		if (limit > 0 && now_s() > end)
			break;
		if (input && poll(&pfd, 1, n ? 0 : 20) > 0) {
			uint8_t in[64];
			ssize_t k = read(0, in, sizeof(in));

			if (k <= 0) {
				input = 0; /* end of input: keep following */
			} else {
				uint8_t *esc = memchr(in, ESCAPE_KEY, (size_t)k);

				if (send_input(name, in, esc ? (size_t)(esc - in) : (size_t)k) ||
				    esc)
					break;
			}
		} else if (!n && !input) {
			sleep_ms(20);
		}
	}
	end_console();
	return until ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: rampart-vm [--at ADDRESS] list\n"
			"       rampart-vm start|stop|destroy|restart NAME\n"
			"       rampart-vm console [-n] [-t SECONDS] [-u TEXT] NAME\n");
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *cmd;
		uint32_t fid;
	} lifecycle[] = {{"start", VMCTL_START},
			 {"stop", VMCTL_STOP},
			 {"destroy", VMCTL_DESTROY},
			 {"restart", VMCTL_RESTART}};
	int forced = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 2 && !strcmp(argv[1], "--at")) {
		page_addr = strtoull(argv[2], NULL, 0);
		forced = 1;
		argc -= 2;
		argv += 2;
	}
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "list") && argc == 2) {
		open_page(forced);
		return cmd_list();
	}
	if (!strcmp(argv[1], "console")) {
		open_page(forced);
		return cmd_console(argc - 1, argv + 1);
	}
	for (size_t i = 0; i < sizeof(lifecycle) / sizeof(lifecycle[0]); i++)
		if (!strcmp(argv[1], lifecycle[i].cmd) && argc == 3) {
			open_page(forced);
			return cmd_lifecycle(argv[1], lifecycle[i].fid, argv[2]);
		}
	usage();
}
