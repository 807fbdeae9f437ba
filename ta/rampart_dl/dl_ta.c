// SPDX-License-Identifier: BSD-2-Clause
/*
 * The dl TA (rampart_dl_ta.h): shared TA library 1 linked in (DT_NEEDED), library 2 and the
 * refused ones through dlopen(). Each command counts its checks and stops at the first that
 * fails, naming it in the TA log.
 */
#include <dlfcn.h>
#include <link.h>
#include <rampart_dl_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "shlib.h"

/* Written by the constructors, libraries' first (rampart_dl_ta.h). */
int dl_init_trace;

static void __attribute__((constructor)) dl_ta_init(void)
{
	dl_init_trace = dl_init_trace * 10 + 2;
}

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			EMSG("dl TA: check %u failed: %s", *checks, #cond);                        \
			return TEE_ERROR_GENERIC;                                                  \
		}                                                                                  \
		(*checks)++;                                                                       \
	} while (0)

static TEE_Result linked(uint32_t *checks)
{
	CHECK(dl_init_trace == DL_TRACE_LINKED);
	CHECK(rampart_shlib_mul(6, 7) == 42);
	CHECK(rampart_shlib_counter == SHLIB1_COUNTER_INIT);
	/* The TA's copy of the object is the one the library uses too. */
	CHECK(rampart_shlib_bump() == SHLIB1_COUNTER_INIT + 1);
	CHECK(rampart_shlib_counter == SHLIB1_COUNTER_INIT + 1);
	CHECK(rampart_shlib_name(0) && !strcmp(rampart_shlib_name(0), SHLIB1_NAME));
	CHECK(rampart_shlib_name(1) && !strcmp(rampart_shlib_name(1), SHLIB1_NAME + 8));
	CHECK(!rampart_shlib_name(2));
	return TEE_SUCCESS;
}

static int count_module(struct dl_phdr_info *info, size_t size, void *data)
{
	unsigned int *n = data;

	(*n)++;
	return 0;
}

static TEE_Result opened(uint32_t *checks)
{
	int (*mul1)(int, int), (*mul2)(int, int);
	void *h1, *h2, *all;
	unsigned int modules = 0;

	CHECK(dl_iterate_phdr(count_module, &modules) == 0 && modules == 2);
	h2 = dlopen(SHLIB2_UUID_STR, RTLD_NOW | RTLD_GLOBAL);
	CHECK(h2 != NULL);
	CHECK(dl_init_trace == DL_TRACE_OPENED);
	mul2 = (int (*)(int, int))dlsym(h2, "rampart_shlib2_mul_plus_one");
	CHECK(mul2 && mul2(6, 7) == 43);
	/* Library 1 is loaded once: dlopen() gives the library the TA was linked with. */
	h1 = dlopen(SHLIB1_UUID_STR, RTLD_NOW);
	CHECK(h1 != NULL && h1 != h2);
	mul1 = (int (*)(int, int))dlsym(h1, "rampart_shlib_mul");
	CHECK(mul1 && mul1(2, 3) == 6);
	CHECK(dlsym(h1, "rampart_shlib_counter") != NULL);
	/* The global scope: the TA first, then its libraries in load order. */
	all = dlopen(NULL, RTLD_NOW);
	CHECK(all != NULL);
	CHECK(dlsym(all, "rampart_shlib2_mul_plus_one") == (void *)mul2);
	CHECK(dlsym(all, "dl_init_trace") == (void *)&dl_init_trace);
	/* The TA takes the function's address: everyone sees the TA's one (its PLT entry). */
	CHECK(dlsym(all, "rampart_shlib_mul") == (void *)rampart_shlib_mul);
	/* Reopening runs no constructor again. */
	CHECK(dlopen(SHLIB2_UUID_STR, RTLD_NOW) == h2 && dl_init_trace == DL_TRACE_OPENED);
	modules = 0;
	CHECK(dl_iterate_phdr(count_module, &modules) == 0 && modules == 3);
	CHECK(dlclose(h2) == 0 && dlclose(h1) == 0 && dlclose(all) == 0);
	return TEE_SUCCESS;
}

/* dlopen(uuid) must fail, with a dlerror() that says so once. */
static int refused(const char *uuid)
{
	const char *err;

	if (dlopen(uuid, RTLD_NOW))
		return 0;
	err = dlerror();
	if (!err || !strstr(err, "dlopen") || dlerror())
		return 0;
	IMSG("dl TA: refused as expected: %s", err);
	return 1;
}

static TEE_Result refusals(uint32_t *checks)
{
	const char *err;
	void *h1;

	CHECK(dlerror() == NULL);
	CHECK(refused(UNKNOWN_UUID_STR));
	CHECK(refused("not-a-uuid"));
	CHECK(refused(PEER_TA_UUID_STR));
	CHECK(refused(SHLIB_NEEDS_TA_UUID_STR));
	CHECK(refused(SHLIB_CYCLE_A_UUID_STR));
	CHECK(refused(SHLIB_BAD_RELOC_UUID_STR));
	CHECK(refused(BAD_SIGNATURE_UUID_STR));
	h1 = dlopen(SHLIB1_UUID_STR, RTLD_NOW);
	CHECK(h1 != NULL);
	CHECK(dlsym(h1, "no_such_symbol") == NULL);
	err = dlerror();
	CHECK(err && strstr(err, "no_such_symbol") && strstr(err, "not found"));
	/* A symbol of the TA is not library 1's. */
	CHECK(dlsym(h1, "dl_init_trace") == NULL && dlerror());
	/* Nothing refused is left behind: still the TA and library 1, both working. */
	{
		unsigned int modules = 0;

		CHECK(dl_iterate_phdr(count_module, &modules) == 0 && modules == 2);
	}
	CHECK(rampart_shlib_mul(3, 5) == 15);
	return TEE_SUCCESS;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param p[4], void **session)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	uint32_t checks = 0;
	TEE_Result res;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	switch (cmd) {
	case DL_CMD_LINKED:
		res = linked(&checks);
		break;
	case DL_CMD_DLOPEN:
		res = opened(&checks);
		break;
	case DL_CMD_REFUSALS:
		res = refusals(&checks);
		break;
	case DL_CMD_WRITE_RELRO:
		/* The relocated table reads as the library wrote it, and cannot be written. */
		if (rampart_shlib_names()[0] != rampart_shlib_name(0))
			return TEE_ERROR_GENERIC;
		*(const char *volatile *)rampart_shlib_names() = NULL;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
	p[0].value.a = checks;
	return res;
}
