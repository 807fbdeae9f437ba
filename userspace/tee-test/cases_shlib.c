// SPDX-License-Identifier: BSD-2-Clause
/*
 * ta-shlib: shared TA libraries (docs/ta-sdk.md). The dl TA (ta/rampart_dl) is linked with
 * library 1 and -ldl: the trusted OS must load library 1 with it and link both (calls, a copied
 * object, relocated pointers, constructors libraries first); dlopen() must load library 2 with
 * what it needs, dlsym() find its symbols; and every refused dlopen() (unknown UUID, a TA, a
 * library that needs a TA, a DT_NEEDED cycle, a relocation outside the library, a bad
 * signature) and dlsym() of an unknown symbol must fail with dlerror() saying so and leave the
 * instance as it was; and the library's relocated data must be read-only to the TA. The refusals'
 * log lines are looked for by tests/qemu/baremetal.d/ta-shlib.sh.
 */
#include <rampart_dl_ta.h>
#include <stdio.h>
#include <string.h>

#include "cases.h"
#include "check.h"
#include "session.h"

bool case_ta_shlib(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok;

	if (!open_session(ctx, &s, &dl_ta_uuid, "OpenSession(dl TA)"))
		return false;
	ok = run_ta_checks(&s, DL_CMD_LINKED, "ta-shlib", "linked library", 8, NULL) &&
	     run_ta_checks(&s, DL_CMD_REFUSALS, "ta-shlib", "refusals", 14, NULL) &&
	     run_ta_checks(&s, DL_CMD_DLOPEN, "ta-shlib", "dlopen", 13, NULL);
	TEEC_CloseSession(&s);
	/* A new instance links afresh: library 2 is not there until it is opened again. */
	if (ok && !open_session(ctx, &s, &dl_ta_uuid, "OpenSession(dl TA) again"))
		return false;
	if (ok) {
		ok = run_ta_checks(&s, DL_CMD_DLOPEN, "ta-shlib", "dlopen again", 13, NULL);
		TEEC_CloseSession(&s);
	}
	/* The library's relocated data (its PT_GNU_RELRO pages) is read-only to the TA. */
	if (ok && open_session(ctx, &s, &dl_ta_uuid, "OpenSession(dl TA) for RELRO")) {
		TEEC_Operation op;
		uint32_t origin = 0;
		TEEC_Result res;

		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		res = TEEC_InvokeCommand(&s, DL_CMD_WRITE_RELRO, &op, &origin);
		printf("ta-shlib: a write to the library's relocated data gave 0x%08x, origin %u\n",
		       res, origin);
		ok = expect_res("DL_CMD_WRITE_RELRO", res, origin, TEEC_ERROR_TARGET_DEAD);
		TEEC_CloseSession(&s);
	} else {
		ok = false;
	}
	return ok;
}
