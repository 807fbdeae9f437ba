// SPDX-License-Identifier: BSD-2-Clause
#include <arch/spinlock.h>
#include <drivers/pl011.h>
#include <log.h>
#include <plat/platform.h>

static const char *log_prefix = "rampart";
static struct spinlock log_lock;
static int log_locking;

void log_init(const char *prefix)
{
	log_prefix = prefix;
	pl011_init(PLAT_UART_SECURE_BASE);
}

/* The lock needs the MMU on (exclusives); callers before that run on one CPU. */
void log_enable_locking(void)
{
	log_locking = 1;
}

static void put_line(uintptr_t uart, const char *level, const char *msg)
{
	const char *parts[] = {log_prefix, level, msg};

	for (unsigned int i = 0; i < 3; i++) {
		for (const char *p = parts[i]; *p; p++) {
			if (*p == '\n')
				pl011_putc(uart, '\r');
			pl011_putc(uart, *p);
		}
	}
	pl011_putc(uart, '\r');
	pl011_putc(uart, '\n');
}

static void emit(int to_user, const char *level, const char *fmt, va_list ap)
{
	char msg[256];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (log_locking)
		spin_lock(&log_lock);
	put_line(PLAT_UART_SECURE_BASE, level, msg);
	if (to_user)
		put_line(PLAT_UART_NS_BASE, level, msg);
	if (log_locking)
		spin_unlock(&log_lock);
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
