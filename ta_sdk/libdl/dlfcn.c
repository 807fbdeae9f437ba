// SPDX-License-Identifier: BSD-2-Clause
/*
 * libdl of the TA dev kit: dlopen/dlsym/dlclose/dlerror (POSIX.1-2017 <dlfcn.h>) on the trusted
 * OS's TA_SYS_DLOPEN and TA_SYS_DLSYM, which fetch, verify, map and link a shared TA library
 * named by its UUID. A handle is the module's index plus one; dlopen(NULL) gives the global
 * scope (the TA and its libraries in load order, as the loader resolves symbols).
 */
#include <dlfcn.h>
#include <rampart/ta_abi.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tee_api_types.h>

#include "../libutee/utee_internal.h"
#include "../libutee/utee_syscalls.h"

static char global_scope;
static char error[96];
static int error_pending;

static void set_error(const char *what, const char *name, TEE_Result res)
{
	snprintf(error, sizeof(error), "%s %.40s: %s (%#x)", what, name ? name : "(null)",
		 res == TEE_ERROR_ITEM_NOT_FOUND ? "not found" : "refused", (unsigned int)res);
	error_pending = 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" into RFC 4122 octets: 0, or -1. */
static int parse_uuid(const char *s, uint8_t o[16])
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < 36;) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i++] != '-')
				return -1;
			continue;
		}
		hi = hexval(s[i]);
		lo = hi < 0 ? -1 : hexval(s[i + 1]);
		if (lo < 0)
			return -1;
		o[n++] = (uint8_t)(hi << 4 | lo);
		i += 2;
	}
	return s[36] ? -1 : 0;
}

void *dlopen(const char *filename, int flags)
{
	uint8_t uuid[16];
	uint32_t index;
	TEE_Result res;

	(void)flags; /* every library is bound now, global and kept (RTLD_NOW | RTLD_GLOBAL) */
	if (!filename)
		return &global_scope;
	if (parse_uuid(filename, uuid)) {
		set_error("dlopen", filename, TEE_ERROR_BAD_PARAMETERS);
		return NULL;
	}
	res = utee_dlopen(uuid, &index);
	if (res != TEE_SUCCESS) {
		set_error("dlopen", filename, res);
		return NULL;
	}
	utee_dl_run_init();
	return (void *)(uintptr_t)(index + 1);
}

void *dlsym(void *handle, const char *symbol)
{
	uint32_t index = TA_DL_GLOBAL;
	uint64_t addr = 0;
	TEE_Result res;

	if (!symbol) {
		set_error("dlsym", NULL, TEE_ERROR_BAD_PARAMETERS);
		return NULL;
	}
	if (handle && handle != &global_scope)
		index = (uint32_t)((uintptr_t)handle - 1);
	res = utee_dlsym(index, symbol, strlen(symbol), &addr);
	if (res != TEE_SUCCESS) {
		set_error("dlsym", symbol, res);
		return NULL;
	}
	return (void *)(uintptr_t)addr;
}

int dlclose(void *handle)
{
	(void)handle; /* libraries stay until the instance ends (RTLD_NODELETE) */
	return 0;
}

char *dlerror(void)
{
	if (!error_pending)
		return NULL;
	error_pending = 0;
	return error;
}
