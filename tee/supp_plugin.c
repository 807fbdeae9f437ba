// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA_SYS_SUPP_PLUGIN: a TA invokes a tee-supplicant plugin (OPTEE_RPC_CMD_SUPP_PLUGIN, the
 * layout tee-supplicant 3.19 checks: value[0] = {INVOKE, UUID words 0, 1}, value[1] = {UUID
 * words 2, 3, command}, value[2] in = sub-command, out b = the plugin's length, memref[3] the
 * data both ways). The plugin is a normal-world program: what it answers is passed on as it is,
 * and never more bytes are copied back than the TA's buffer holds.
 */
#include "supp_plugin.h"

#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "rpc.h"
#include "shm.h"
#include "ta.h"

#define OPTEE_RPC_CMD_SUPP_PLUGIN 12
#define SUPP_PLUGIN_INVOKE	  0
#define COPY_CHUNK		  512

/* Between the TA's buffer at va and the shared buffer, a chunk at a time (no large bounce). */
static int copy_in(const struct memref *m, uint64_t va, size_t len)
{
	uint8_t chunk[COPY_CHUNK];

	for (size_t off = 0; off < len; off += COPY_CHUNK) {
		size_t n = len - off < COPY_CHUNK ? len - off : COPY_CHUNK;

		if (ta_copy_from(chunk, va + off, n) || memref_write(m, off, chunk, n))
			return -1;
	}
	return 0;
}

static int copy_out(const struct memref *m, uint64_t va, size_t len)
{
	uint8_t chunk[COPY_CHUNK];

	for (size_t off = 0; off < len; off += COPY_CHUNK) {
		size_t n = len - off < COPY_CHUNK ? len - off : COPY_CHUNK;

		if (memref_read(m, off, chunk, n) || ta_copy_to(va + off, chunk, n))
			return -1;
	}
	return 0;
}

uint64_t ta_syscall_supp_plugin(const uint64_t *x)
{
	uint64_t buf = x[3], len = x[4], outlen_va = x[5], out;
	struct optee_msg_param p[4] = {0};
	uint32_t words[4], ret;
	struct shm shm = {0};
	struct memref m;

	if (ta_copy_from(words, x[0], sizeof(words)))
		ta_kill_current("supplicant plugin: UUID outside the TA's memory");
	if (!buf != !len)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (len > SUPP_PLUGIN_DATA_MAX)
		return TEEC_ERROR_EXCESS_DATA;
	if (len && !ta_space_access_ok(&ta_current_call()->inst->space, buf, len, TA_MAP_READ))
		ta_kill_current("supplicant plugin: buffer outside the TA's memory");
	if (len) {
		ret = rpc_shm_alloc(len, &shm);
		if (ret)
			return TEEC_ERROR_OUT_OF_MEMORY;
		m = (struct memref){.shm = &shm, .size = len};
		if (copy_in(&m, buf, len)) {
			rpc_shm_free(&shm);
			return TEEC_ERROR_BAD_PARAMETERS;
		}
	}
	p[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p[0].u.value.a = SUPP_PLUGIN_INVOKE;
	p[0].u.value.b = words[0];
	p[0].u.value.c = words[1];
	p[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p[1].u.value.a = words[2];
	p[1].u.value.b = words[3];
	p[1].u.value.c = (uint32_t)x[1];
	p[2].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT;
	p[2].u.value.a = (uint32_t)x[2];
	p[3].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INOUT;
	p[3].u.rmem.size = len;
	p[3].u.rmem.shm_ref = len ? shm.cookie : 0;
	ret = rpc_cmd(OPTEE_RPC_CMD_SUPP_PLUGIN, p, 4);
	out = p[2].u.value.b;
	if (len) {
		uint64_t back = out < len ? out : len;
		int bad = 0;

		/*
		 * The answer goes back only into memory the TA may write: a buffer it may only read
		 * (an input memref of its client, say) stays as it was, and the call says so.
		 */
		if (back &&
		    !ta_space_access_ok(&ta_current_call()->inst->space, buf, back, TA_MAP_WRITE)) {
			log_error("supplicant plugin: its answer of %lu bytes is not written into a "
				  "buffer the TA may only read",
				  back);
			if (ret == TEEC_SUCCESS)
				ret = TEEC_ERROR_ACCESS_DENIED;
		} else if (back) {
			bad = copy_out(&m, buf, back);
		}
		rpc_shm_free(&shm);
		if (bad)
			return TEEC_ERROR_BAD_PARAMETERS;
	}
	if (outlen_va && ta_copy_to(outlen_va, &out, sizeof(out)))
		ta_kill_current("supplicant plugin: length outside the TA's memory");
	return ret;
}
