/* SPDX-License-Identifier: BSD-2-Clause */
/* TAs invoking tee-supplicant plugins (TA_SYS_SUPP_PLUGIN, tee_invoke_supp_plugin). */
#ifndef TEE_SUPP_PLUGIN_H
#define TEE_SUPP_PLUGIN_H

#include <stdint.h>

/* The most data one invocation carries: half of what one shared buffer can map. */
#define SUPP_PLUGIN_DATA_MAX (1024 * 1024)

uint64_t ta_syscall_supp_plugin(const uint64_t *x);

#endif
