/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The tee-supplicant test plugin (userspace/plugin, installed in tee-supplicant's plugin
 * directory) and the plugin TA (ta/rampart_plugin) that tee-test's supp-plugin case drives:
 * commands and UUIDs shared by the three.
 */
#ifndef RAMPART_PLUGIN_H
#define RAMPART_PLUGIN_H

/* The plugin: 5ee1c0de-7a11-4e57-9a6e-706c75670000 ("plug"). */
#define RAMPART_PLUGIN_UUID                                                                        \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x70, 0x6c, 0x75, 0x67, 0x00, 0x00                             \
		}                                                                                  \
	}
#define RAMPART_PLUGIN_FILE "5ee1c0de-7a11-4e57-9a6e-706c75670000.plugin"

/* The plugin's commands (cmd; sub_cmd as said). */
#define PLUGIN_CMD_PING 0    /* no data: TEEC_SUCCESS */
#define PLUGIN_CMD_ADD 1     /* data: two uint32_t; the first becomes their sum + sub_cmd */
#define PLUGIN_CMD_REVERSE 2 /* data reversed in place, out length = in length */
#define PLUGIN_CMD_OVERSTATE 3 /* fills the data with sub_cmd, claims 4096 bytes more than given */

/* The TA: 5ee1c0de-7a11-4e57-9a6e-706c75677461 ("plugta"); one instance a session. */
#define TA_RAMPART_PLUGIN_UUID                                                                     \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x70, 0x6c, 0x75, 0x67, 0x74, 0x61                             \
		}                                                                                  \
	}

/*
 * The TA's one command, PLUGIN_TA_CMD_INVOKE: p0 VALUE_IN a = plugin command, b = sub-command;
 * p1 MEMREF_INOUT the data (none: no buffer), written back with what the plugin left in it;
 * p2 VALUE_OUT a = the length the plugin answered, b = 1 if the TA's buffer was written past
 * its end; p3 VALUE_IN a = 1: call with a NULL UUID, 2: a UUID no plugin has, 3: a buffer
 * without a length, 4: the system call with a buffer at a kernel address (the TA dies), 5:
 * REVERSE on 16 bytes of the TA's read-only data (TEE_ERROR_SECURITY if they changed). The
 * result is tee_invoke_supp_plugin's.
 */
#define PLUGIN_TA_CMD_INVOKE 0

#endif
