/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The sockets test TA (ta/rampart_socket) and the commands tee-test's gp-sockets case drives it
 * with: GP TEE Sockets API calls one at a time, and raw socket system calls for the attacker's
 * side. Shared by the TA and the normal-world test.
 */
#ifndef RAMPART_SOCKET_TA_H
#define RAMPART_SOCKET_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-736f636b0000 ("sock"); multi-instance: one instance a session. */
#define TA_RAMPART_SOCKET_UUID                                                                     \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x73, 0x6f, 0x63, 0x6b, 0x00, 0x00                             \
		}                                                                                  \
	}

#define SOCKET_TA_SLOTS 4 /* sockets the TA holds at once, named by slot */

/* Commands; parameters as p0..p3, anything not listed is NONE. The result is the API's. */
#define SOCKET_CMD_OPEN                                                                            \
	0 /* p0 VALUE_IN a = protocol ID (TCP 0x65, UDP 0x66), b = port; p1 MEMREF_IN the server  \
	   * (no NUL); p2 VALUE_OUT a = slot, b = protocolError */
#define SOCKET_CMD_CLOSE 1 /* p0 VALUE_IN a = slot */
#define SOCKET_CMD_SEND                                                                            \
	2 /* p0 VALUE_IN a = slot, b = timeout ms; p1 MEMREF_IN the bytes; p2 VALUE_OUT a = sent */
#define SOCKET_CMD_RECV                                                                            \
	3 /* p0 VALUE_IN a = slot, b = timeout ms; p1 MEMREF_OUTPUT the room (its size 0: ask how \
	   * much waits), written back with the bytes received; p2 VALUE_OUT a = the length recv   \
	   * gave (a datagram's size when larger than the room); TEE_ERROR_SECURITY if recv wrote  \
	   * past the room */
#define SOCKET_CMD_ERROR 4 /* p0 VALUE_IN a = slot; p2 VALUE_OUT a = error() */
#define SOCKET_CMD_IOCTL                                                                           \
	5 /* p0 VALUE_IN a = slot, b = command; p1 MEMREF_INOUT the buffer, written back with the \
	   * length ioctl gave */
#define SOCKET_CMD_HANDLE 6 /* p0 VALUE_IN a = slot; p2 VALUE_OUT a = the trusted OS's handle */
#define SOCKET_CMD_RAW                                                                             \
	7 /* p0 VALUE_IN a = SOCKET_RAW_*, b = handle; p1 VALUE_IN a, b = buffer address (high,  \
	   * low); p2 VALUE_IN a = length: the system call as a hostile TA would make it, its      \
	   * result returned */
#define SOCKET_RAW_OPEN 0 /* the buffer address as the arguments and the handle's place */
#define SOCKET_RAW_SEND 1
#define SOCKET_RAW_RECV 2

#endif
