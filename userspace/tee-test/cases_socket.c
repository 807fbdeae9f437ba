// SPDX-License-Identifier: BSD-2-Clause
/*
 * gp-sockets: the GP TEE Sockets API (TCP and UDP) from a TA (ta/rampart_socket) to servers
 * this program runs on the loopback interface, through the trusted OS and Debian's
 * tee-supplicant; then the failure paths and the attacker's side: a server that is not there,
 * a name that does not resolve, a timeout, a datagram larger than the room, ioctl commands of
 * no protocol and of the wrong one, another instance's socket handle, a buffer address outside
 * the TA, and sockets a TA leaves open closed when its instance ends.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <rampart_socket_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define PROTO_TCP		  0x65
#define PROTO_UDP		  0x66
#define TEE_ISOCKET_ERROR_PROTOCOL 0xF1007001
#define TEE_ISOCKET_ERROR_TIMEOUT  0xF1007003
#define TEE_ISOCKET_ERROR_HOSTNAME 0xF1007007
#define TEE_TCP_SET_RECVBUF	  0x65f00000
#define TEE_UDP_CHANGEPORT	  0x66000002
#define BLOCK			  0xFFFFFFFFU /* TEE_TIMEOUT_INFINITE */
#define MAX_CONN		  8

struct servers {
	int tcp_listen, udp;
	uint16_t tcp_port, udp_port;
	atomic_int tcp_closed; /* connections the TA side closed */
	atomic_int stop;
	pthread_t thread;
};

/* The loopback interface is down in the test initramfs: bring it up (root). */
static bool loopback_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	bool ok;

	if (fd < 0)
		return fail("socket: %s", strerror(errno));
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	ok = !ioctl(fd, SIOCGIFFLAGS, &ifr);
	ifr.ifr_flags |= IFF_UP;
	ok = ok && !ioctl(fd, SIOCSIFFLAGS, &ifr);
	close(fd);
	return ok ? true : fail("bringing lo up: %s", strerror(errno));
}

static int bound(int type, uint16_t *port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, type, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    (type == SOCK_STREAM && listen(fd, MAX_CONN)) ||
	    getsockname(fd, (struct sockaddr *)&a, &len)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return fd;
}

/* Echo servers: every byte a TCP connection sends comes back; every datagram goes back. */
static void *serve(void *arg)
{
	struct servers *sv = arg;
	struct pollfd pfd[2 + MAX_CONN];
	int conn[MAX_CONN], n = 0;
	char buf[16384];

	while (!atomic_load(&sv->stop)) {
		pfd[0] = (struct pollfd){.fd = sv->tcp_listen, .events = POLLIN};
		pfd[1] = (struct pollfd){.fd = sv->udp, .events = POLLIN};
		for (int i = 0; i < n; i++)
			pfd[2 + i] = (struct pollfd){.fd = conn[i], .events = POLLIN};
		if (poll(pfd, 2 + n, 100) <= 0)
			continue;
		if ((pfd[0].revents & POLLIN) && n < MAX_CONN) {
			int c = accept(sv->tcp_listen, NULL, NULL);

			if (c >= 0)
				conn[n++] = c;
		}
		if (pfd[1].revents & POLLIN) {
			struct sockaddr_in from;
			socklen_t len = sizeof(from);
			ssize_t r = recvfrom(sv->udp, buf, sizeof(buf), 0, (struct sockaddr *)&from,
					     &len);

			if (r > 0)
				sendto(sv->udp, buf, r, 0, (struct sockaddr *)&from, len);
		}
		for (int i = 0; i < n; i++) {
			ssize_t r;

			if (!(pfd[2 + i].revents & (POLLIN | POLLHUP)))
				continue;
			r = read(conn[i], buf, sizeof(buf));
			if (r > 0 && write(conn[i], buf, r) == r)
				continue;
			close(conn[i]);
			atomic_fetch_add(&sv->tcp_closed, 1);
			conn[i--] = conn[--n];
			pfd[2 + i + 1] = pfd[2 + n]; /* keep the poll entries in step */
		}
	}
	for (int i = 0; i < n; i++)
		close(conn[i]);
	return NULL;
}

static bool servers_start(struct servers *sv)
{
	memset(sv, 0, sizeof(*sv));
	sv->tcp_listen = bound(SOCK_STREAM, &sv->tcp_port);
	sv->udp = bound(SOCK_DGRAM, &sv->udp_port);
	if (sv->tcp_listen < 0 || sv->udp < 0)
		return fail("echo servers on 127.0.0.1: %s", strerror(errno));
	if (pthread_create(&sv->thread, NULL, serve, sv))
		return fail("echo server thread");
	return true;
}

static void servers_stop(struct servers *sv)
{
	atomic_store(&sv->stop, 1);
	pthread_join(sv->thread, NULL);
	close(sv->tcp_listen);
	close(sv->udp);
}

/* One command: p0 VALUE_IN (a, b), p1 a memref (in, out or in-out) or NONE, p2 VALUE_OUT. */
static TEEC_Result call(TEEC_Session *s, uint32_t cmd, uint32_t a, uint32_t b, uint32_t mem_type,
			void *buf, size_t *len, uint32_t out[2], uint32_t *origin)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, buf ? mem_type : TEEC_NONE,
					 TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = a;
	op.params[0].value.b = b;
	if (buf) {
		op.params[1].tmpref.buffer = buf;
		op.params[1].tmpref.size = *len;
	}
	res = TEEC_InvokeCommand(s, cmd, &op, origin);
	if (buf)
		*len = op.params[1].tmpref.size;
	if (out) {
		out[0] = op.params[2].value.a;
		out[1] = op.params[2].value.b;
	}
	return res;
}

/* Opens a socket in the TA; *slot the TA's slot, *perr the protocol error. */
static TEEC_Result ta_open(TEEC_Session *s, uint32_t proto, const char *server, uint16_t port,
			   uint32_t *slot, uint32_t *perr)
{
	size_t len = strlen(server);
	uint32_t out[2] = {0}, origin;
	TEEC_Result res = call(s, SOCKET_CMD_OPEN, proto, port, TEEC_MEMREF_TEMP_INPUT,
			       (void *)server, &len, out, &origin);

	*slot = out[0];
	*perr = out[1];
	return res;
}

static void pattern(uint8_t *b, size_t n, unsigned int seed)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)(i * 31 + seed);
}

/* Sends n pattern bytes and reads them all back through the TA. */
static bool echo(TEEC_Session *s, uint32_t slot, size_t n, unsigned int seed, const char *what)
{
	static uint8_t out[70000], in[70000];
	uint32_t sent[2], rcv[2], origin;
	size_t len = n, got = 0;
	TEEC_Result res;

	pattern(out, n, seed);
	res = call(s, SOCKET_CMD_SEND, slot, BLOCK, TEEC_MEMREF_TEMP_INPUT, out, &len, sent,
		   &origin);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	if (sent[0] == 0 || sent[0] > n)
		return fail("%s: sent %u of %zu bytes", what, sent[0], n);
	while (got < sent[0]) {
		len = sent[0] - got;
		res = call(s, SOCKET_CMD_RECV, slot, 5000, TEEC_MEMREF_TEMP_OUTPUT, in + got, &len,
			   rcv, &origin);
		len = rcv[0];
		if (!expect_res(what, res, origin, TEEC_SUCCESS))
			return false;
		if (len == 0)
			return fail("%s: the connection ended after %zu bytes", what, got);
		got += len;
	}
	if (memcmp(in, out, sent[0]))
		return fail("%s: the echo differs from what was sent", what);
	printf("gp-sockets: %s: %u bytes sent and echoed\n", what, sent[0]);
	return true;
}

static bool tcp_cases(TEEC_Context *ctx, struct servers *sv)
{
	uint32_t slot, perr, out[2], origin, val = 4096;
	TEEC_Session a;
	size_t len;
	uint8_t buf[64];
	TEEC_Result res;

	if (!open_session(ctx, &a, &socket_ta_uuid, "sockets TA"))
		return false;
	res = ta_open(&a, PROTO_TCP, "127.0.0.1", sv->tcp_port, &slot, &perr);
	if (!expect_res("TCP open to the echo server", res, 0, TEEC_SUCCESS))
		goto out;
	if (!echo(&a, slot, 3000, 1, "TCP 3000 bytes"))
		goto out;
	/* More than the trusted OS moves in one call: a partial send, all of it echoed. */
	if (!echo(&a, slot, 70000, 2, "TCP 70000 bytes (a partial send)"))
		goto out;
	call(&a, SOCKET_CMD_ERROR, slot, 0, 0, NULL, NULL, out, &origin);
	if (out[0] != TEEC_SUCCESS) {
		fail("error() after a good exchange: %#x", out[0]);
		goto out;
	}
	/* Nothing waits: a receive with a 10 ms timeout times out, and error() says so. */
	len = sizeof(buf);
	res = call(&a, SOCKET_CMD_RECV, slot, 10, TEEC_MEMREF_TEMP_OUTPUT, buf, &len, NULL, &origin);
	if (!expect_res("recv with nothing to read, 10 ms", res, origin, TEE_ISOCKET_ERROR_TIMEOUT))
		goto out;
	call(&a, SOCKET_CMD_ERROR, slot, 0, 0, NULL, NULL, out, &origin);
	if (out[0] != TEE_ISOCKET_ERROR_TIMEOUT) {
		fail("error() after a timeout: %#x", out[0]);
		goto out;
	}
	printf("gp-sockets: recv timeout: TEE_ISOCKET_ERROR_TIMEOUT, error() the same\n");
	/* ioctl: a TCP command this protocol defines, and one of no protocol (no effect). */
	len = sizeof(val);
	res = call(&a, SOCKET_CMD_IOCTL, slot, TEE_TCP_SET_RECVBUF, TEEC_MEMREF_TEMP_INOUT, &val,
		   &len, NULL, &origin);
	if (!expect_res("ioctl TEE_TCP_SET_RECVBUF", res, origin, TEEC_SUCCESS))
		goto out;
	len = sizeof(val);
	res = call(&a, SOCKET_CMD_IOCTL, slot, 0x00F00000, TEEC_MEMREF_TEMP_INOUT, &val, &len, NULL,
		   &origin);
	if (!expect_res("ioctl of no protocol", res, origin, TEEC_SUCCESS))
		goto out;
	res = call(&a, SOCKET_CMD_CLOSE, slot, 0, 0, NULL, NULL, NULL, &origin);
	if (!expect_res("TCP close", res, origin, TEEC_SUCCESS))
		goto out;
	TEEC_CloseSession(&a);
	return true;
out:
	TEEC_CloseSession(&a);
	return false;
}

static bool udp_cases(TEEC_Context *ctx, struct servers *sv)
{
	uint32_t slot, perr, origin, sent[2];
	uint8_t out[500], in[600] = {0};
	TEEC_Session a;
	TEEC_Result res;
	size_t len;
	bool ok = false;

	if (!open_session(ctx, &a, &socket_ta_uuid, "sockets TA"))
		return false;
	res = ta_open(&a, PROTO_UDP, "127.0.0.1", sv->udp_port, &slot, &perr);
	if (!expect_res("UDP open", res, 0, TEEC_SUCCESS))
		goto out;
	pattern(out, sizeof(out), 3);
	for (int round = 0; round < 2; round++) {
		len = sizeof(out);
		res = call(&a, SOCKET_CMD_SEND, slot, BLOCK, TEEC_MEMREF_TEMP_INPUT, out, &len, sent,
			   &origin);
		if (!expect_res("UDP send", res, origin, TEEC_SUCCESS))
			goto out;
		/* Round 0: room for all of it; round 1: room for 100 bytes of the 500. */
		len = round ? 100 : sizeof(in);
		res = call(&a, SOCKET_CMD_RECV, slot, 5000, TEEC_MEMREF_TEMP_OUTPUT, in, &len, sent,
			   &origin);
		len = sent[0];
		if (!expect_res(round ? "UDP recv into 100 bytes" : "UDP recv", res, origin,
				TEEC_SUCCESS))
			goto out;
		if (len != sizeof(out) || memcmp(in, out, round ? 100 : sizeof(out))) {
			fail("UDP recv (room %d): length %zu, want %zu and the datagram's bytes",
			     round ? 100 : (int)sizeof(in), len, sizeof(out));
			goto out;
		}
	}
	printf("gp-sockets: UDP: a 500-byte datagram echoed; into 100 bytes of room: 100 "
	       "bytes, its size 500 told, nothing written past the room\n");
	ok = true;
out:
	TEEC_CloseSession(&a);
	return ok;
}

static bool refusals(TEEC_Context *ctx, struct servers *sv)
{
	char long_name[301];
	uint32_t slot, perr;
	TEEC_Session a;
	TEEC_Result res;
	int closed_port = socket(AF_INET, SOCK_STREAM, 0);
	uint16_t port;
	bool ok = false;

	/* A port of this host that nothing listens on: bound, never listened to. */
	{
		struct sockaddr_in sa = {.sin_family = AF_INET,
					 .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
		socklen_t l = sizeof(sa);

		if (closed_port < 0 || bind(closed_port, (struct sockaddr *)&sa, sizeof(sa)) ||
		    getsockname(closed_port, (struct sockaddr *)&sa, &l))
			return fail("a closed port: %s", strerror(errno));
		port = ntohs(sa.sin_port);
	}
	if (!open_session(ctx, &a, &socket_ta_uuid, "sockets TA"))
		goto out_fd;
	res = ta_open(&a, PROTO_TCP, "127.0.0.1", port, &slot, &perr);
	if (!expect_res("TCP open to a port nothing listens on", res, 0, TEEC_ERROR_COMMUNICATION))
		goto out;
	res = ta_open(&a, PROTO_TCP, "no-such-host.invalid", sv->tcp_port, &slot, &perr);
	if (res != TEE_ISOCKET_ERROR_PROTOCOL || perr != TEE_ISOCKET_ERROR_HOSTNAME) {
		fail("open of a name that does not resolve: %#x, protocol error %#x", res, perr);
		goto out;
	}
	memset(long_name, 'a', 300);
	long_name[300] = '\0';
	res = ta_open(&a, PROTO_TCP, long_name, sv->tcp_port, &slot, &perr);
	if (res != TEE_ISOCKET_ERROR_PROTOCOL || perr != TEE_ISOCKET_ERROR_HOSTNAME) {
		fail("open of a 300-byte name: %#x, protocol error %#x", res, perr);
		goto out;
	}
	printf("gp-sockets: refused: a closed port (COMMUNICATION), a name that does not resolve "
	       "and a 300-byte name (PROTOCOL, protocol error HOSTNAME)\n");
	ok = true;
out:
	TEEC_CloseSession(&a);
out_fd:
	close(closed_port);
	return ok;
}

/* Expects the command to kill the TA (TARGET_DEAD); a fresh session each time. */
static bool kills(TEEC_Context *ctx, uint32_t proto, uint16_t port, uint32_t cmd, uint32_t a0,
		  uint32_t b0, uint32_t va_hi, uint32_t va_lo, const char *what)
{
	TEEC_Operation op;
	uint32_t slot, perr, origin;
	TEEC_Session s;
	TEEC_Result res;
	uint32_t val = 0;

	if (!open_session(ctx, &s, &socket_ta_uuid, "sockets TA"))
		return false;
	res = ta_open(&s, proto, "127.0.0.1", port, &slot, &perr);
	if (!expect_res(what, res, 0, TEEC_SUCCESS)) {
		TEEC_CloseSession(&s);
		return false;
	}
	memset(&op, 0, sizeof(op));
	if (cmd == SOCKET_CMD_IOCTL) {
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
						 TEEC_NONE);
		op.params[0].value.a = slot;
		op.params[0].value.b = b0;
		op.params[1].tmpref.buffer = &val;
		op.params[1].tmpref.size = sizeof(val);
	} else {
		uint32_t handle[2];

		call(&s, SOCKET_CMD_HANDLE, slot, 0, 0, NULL, NULL, handle, &origin);
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
						 TEEC_VALUE_INPUT, TEEC_NONE);
		op.params[0].value.a = a0;
		op.params[0].value.b = handle[0];
		op.params[1].value.a = va_hi;
		op.params[1].value.b = va_lo;
		op.params[2].value.a = 64;
	}
	res = TEEC_InvokeCommand(&s, cmd, &op, &origin);
	TEEC_CloseSession(&s);
	if (res != TEEC_ERROR_TARGET_DEAD)
		return fail("%s: %#x origin %u, not TARGET_DEAD", what, res, origin);
	return true;
}

/* Another instance's handle is not this instance's: tee-supplicant knows sockets per instance. */
static bool isolation(TEEC_Context *ctx, struct servers *sv)
{
	uint32_t slot, perr, handle[2], origin;
	TEEC_Session a, b;
	TEEC_Operation op;
	TEEC_Result res;
	bool ok = false;

	if (!open_session(ctx, &a, &socket_ta_uuid, "sockets TA (A)"))
		return false;
	if (!open_session(ctx, &b, &socket_ta_uuid, "sockets TA (B)")) {
		TEEC_CloseSession(&a);
		return false;
	}
	res = ta_open(&a, PROTO_TCP, "127.0.0.1", sv->tcp_port, &slot, &perr);
	if (!expect_res("A: TCP open", res, 0, TEEC_SUCCESS))
		goto out;
	call(&a, SOCKET_CMD_HANDLE, slot, 0, 0, NULL, NULL, handle, &origin);
	/* B sends and receives (0 bytes) on A's handle number. */
	for (uint32_t nr = SOCKET_RAW_SEND; nr <= SOCKET_RAW_RECV; nr++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
						 TEEC_VALUE_INPUT, TEEC_NONE);
		op.params[0].value.a = nr;
		op.params[0].value.b = handle[0];
		op.params[1].value.a = 0;
		op.params[1].value.b = 0;
		op.params[2].value.a = 0;
		res = TEEC_InvokeCommand(&b, SOCKET_CMD_RAW, &op, &origin);
		if (res == TEEC_SUCCESS || res == TEEC_ERROR_TARGET_DEAD) {
			fail("B %s on A's socket handle %u: %#x", nr == SOCKET_RAW_SEND ? "sent" :
			     "received", handle[0], res);
			goto out;
		}
	}
	if (!echo(&a, slot, 1000, 4, "A's socket after B tried its handle"))
		goto out;
	printf("gp-sockets: another instance's handle %u refused for send and recv\n", handle[0]);
	ok = true;
out:
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&a);
	return ok;
}

/* A TA that ends with sockets open: the trusted OS closes them (CLOSE_ALL), the server sees it. */
static bool closed_with_instance(TEEC_Context *ctx, struct servers *sv)
{
	uint32_t slot, perr;
	TEEC_Session a;
	TEEC_Result res;
	int before = atomic_load(&sv->tcp_closed);

	if (!open_session(ctx, &a, &socket_ta_uuid, "sockets TA"))
		return false;
	for (int i = 0; i < 2; i++) {
		res = ta_open(&a, PROTO_TCP, "127.0.0.1", sv->tcp_port, &slot, &perr);
		if (!expect_res("TCP open, left open", res, 0, TEEC_SUCCESS)) {
			TEEC_CloseSession(&a);
			return false;
		}
	}
	TEEC_CloseSession(&a);
	for (int i = 0; i < 50 && atomic_load(&sv->tcp_closed) < before + 2; i++)
		usleep(100 * 1000);
	if (atomic_load(&sv->tcp_closed) < before + 2)
		return fail("two sockets left open by an ended instance: %d closed within 5 s",
			    atomic_load(&sv->tcp_closed) - before);
	printf("gp-sockets: two sockets left open were closed when their instance ended\n");
	return true;
}

bool case_gp_sockets(TEEC_Context *ctx)
{
	struct servers sv;
	bool ok;

	if (!loopback_up() || !servers_start(&sv))
		return false;
	ok = tcp_cases(ctx, &sv) && udp_cases(ctx, &sv) && refusals(ctx, &sv) &&
	     isolation(ctx, &sv) && closed_with_instance(ctx, &sv) &&
	     /* GP Sockets ioctl: an undefined command of this protocol, or another's, panics. */
	     kills(ctx, PROTO_TCP, sv.tcp_port, SOCKET_CMD_IOCTL, 0, PROTO_TCP << 24, 0, 0,
		   "ioctl of an undefined TCP command") &&
	     kills(ctx, PROTO_UDP, sv.udp_port, SOCKET_CMD_IOCTL, 0, 0x32U << 24, 0, 0,
		   "ioctl of another protocol's command") &&
	     /* The attacker's side: buffers the TA does not own kill it, named in the log. */
	     kills(ctx, PROTO_TCP, sv.tcp_port, SOCKET_CMD_RAW, SOCKET_RAW_SEND, 0, 0xffff0000,
		   0x40000000, "send from a kernel address") &&
	     kills(ctx, PROTO_TCP, sv.tcp_port, SOCKET_CMD_RAW, SOCKET_RAW_OPEN, 0, 0, 0x1000,
		   "open with arguments at an unmapped address");
	if (ok)
		printf("gp-sockets: panics: two ioctl commands, two hostile buffers: TARGET_DEAD\n");
	servers_stop(&sv);
	return ok;
}
