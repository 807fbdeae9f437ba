// SPDX-License-Identifier: BSD-2-Clause
#include <arch/spinlock.h>
#include <arch/sysreg.h>
#include <drivers/pl011.h>
#include <log.h>
#include <plat/platform.h>

static const char *log_prefix = "rampart";
static struct spinlock log_lock;
static int log_locking;
static int log_user_console = 1;

void log_init(const char *prefix)
{
	log_prefix = prefix;
	pl011_init(PLAT_UART_SECURE_BASE);
}

/* For an image that does not map the normal-world UART (the trusted OS). */
void log_disable_user_console(void)
{
	log_user_console = 0;
}

/* The lock needs the MMU on (exclusives); callers before that run on one CPU. */
void log_enable_locking(void)
{
	log_locking = 1;
}

static void put_str(uintptr_t uart, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			pl011_putc(uart, '\r');
		pl011_putc(uart, *s);
	}
}

/* "<prefix> [seconds.millis]<level><message>" */
static void put_line(uintptr_t uart, const char *stamp, const char *level, const char *msg)
{
	put_str(uart, log_prefix);
	put_str(uart, stamp);
	put_str(uart, level);
	put_str(uart, msg);
	put_str(uart, "\n");
}

static void emit(int to_user, const char *level, const char *fmt, va_list ap)
{
	/* Time since reset: the counter starts at zero with the machine. */
	uint64_t us = read_sysreg(cntpct_el0) / (PLAT_TIMER_FREQ_HZ / 1000000);
	char stamp[24], msg[256];

	snprintf(stamp, sizeof(stamp), " [%4lu.%03lu]", us / 1000000, us / 1000 % 1000);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (log_locking)
		spin_lock(&log_lock);
	put_line(PLAT_UART_SECURE_BASE, stamp, level, msg);
	if (to_user && log_user_console)
		put_line(PLAT_UART_NS_BASE, stamp, level, msg);
	if (log_locking)
		spin_unlock(&log_lock);
}

/*
 * A lock that is never released (arch/spinlock.h): said on the secure console without the log
 * lock (which may be the one that is stuck), once per stall, and the wait goes on.
 */
void spin_lock_stalled(struct spinlock *lock, uintptr_t where)
{
	char msg[160];

	snprintf(msg, sizeof(msg),
		 "error: CPU %#lx: the lock at %#lx is still held after a long wait (waiting at "
		 "%#lx): a lock that is never released",
		 read_sysreg(mpidr_el1) & 0xffffff, (uintptr_t)lock, where);
	put_line(PLAT_UART_SECURE_BASE, "", ": ", msg);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(0, ": ", fmt, ap);
	va_end(ap);
}

void log_notice(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(1, ": ", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(1, ": error: ", fmt, ap);
	va_end(ap);
}
