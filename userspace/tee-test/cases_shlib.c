// SPDX-License-Identifier: BSD-2-Clause
/*
 * ta-shlib: shared TA libraries (docs/ta-sdk.md). The dl TA (ta/rampart_dl) is linked with
 * library 1 and -ldl: the trusted OS must load library 1 with it and link both (calls, a copied
 * object, relocated pointers, constructors libraries first); dlopen() must load library 2 with
 * what it needs, dlsym() find its symbols; and every refused dlopen() (unknown UUID, a TA, a
 * library that needs a TA, a DT_NEEDED cycle, a relocation outside the library, a bad
 * signature) and dlsym() of an unknown symbol must fail with dlerror() saying so and leave the
 * instance as it was. The refusals' log lines are looked for by tests/qemu/baremetal.d/ta-shlib.sh.
 */
#include <rampart_dl_ta.h>
#include <stdio.h>

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
	return ok;
}
