// SPDX-License-Identifier: BSD-2-Clause
/*
 * Debian's libfdt.a is built with -fstack-protector-strong; its checks land here. A smashed
 * stack in firmware is fatal: report it and stop.
 */
#include <log.h>
#include <panic.h>
#include <stdint.h>

uintptr_t __stack_chk_guard = 0x5a17c0de2ba5e5edUL;

void __stack_chk_fail(void)
{
	panic("stack smashing detected");
}
