// SPDX-License-Identifier: BSD-2-Clause
/* What a failed assert() (<assert.h>) does in a TA. */
#include <assert.h>
#include <tee_internal_api.h>

void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	MSG("assertion \"%s\" failed at %s:%d in %s()", expr, file, line, func);
	TEE_Panic(TEE_ERROR_GENERIC);
}
