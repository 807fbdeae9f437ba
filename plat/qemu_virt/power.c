// SPDX-License-Identifier: BSD-2-Clause
/*
 * QEMU's gpio-pwr device hangs off the secure PL061: a rising edge on line 0 powers the machine
 * off, on line 1 restarts it (QEMU hw/arm/virt.c, the gpio-poweroff/gpio-restart DT nodes).
 */
#include <arch/sysreg.h>
#include <drivers/pl061.h>
#include <plat/platform.h>
#include <plat/power.h>

static void __attribute__((noreturn)) pulse_and_wait(unsigned int line)
{
	pl061_set_output(PLAT_GPIO_SECURE_BASE, line, 0);
	pl061_set_output(PLAT_GPIO_SECURE_BASE, line, 1);
	for (;;)
		wfi();
}

void plat_system_off(void)
{
	pulse_and_wait(PLAT_GPIO_POWEROFF_LINE);
}

void plat_system_reset(void)
{
	pulse_and_wait(PLAT_GPIO_RESTART_LINE);
}
