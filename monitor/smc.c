// SPDX-License-Identifier: BSD-2-Clause
/* SMC dispatch by owning entity (SMCCC 1.2, section 6: function ID ranges). */
#include <rampart/smccc.h>

#include "monitor.h"
#include "psci_state.h"

static void smccc_arch_call(uint32_t fid, struct smc_frame *f)
{
	switch (fid) {
	case SMCCC_VERSION:
		f->x[0] = SMCCC_VERSION_1_2;
		break;
	case SMCCC_ARCH_FEATURES:
		f->x[0] = (uint64_t)(int64_t)smccc_arch_features((uint32_t)f->x[1]);
		break;
	default:
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	}
}

void monitor_smc_dispatch(struct smc_frame *f)
{
	/* SMCCC 2.5: the function ID is W0; the upper half of X0 is ignored. */
	uint32_t fid = (uint32_t)f->x[0];

	/* Owners 50-63: Trusted Application and Trusted OS calls, fast or yielding (SMCCC 6.1). */
	if (SMCCC_OWNER(fid) >= SMCCC_OWNER_TRUSTED_APP_FIRST) {
		tee_forward(fid, f);
		return;
	}
	if (!(fid & SMCCC_FAST_CALL)) {
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		return;
	}
	switch (SMCCC_OWNER(fid)) {
	case SMCCC_OWNER_ARCH:
		if (fid & SMCCC_SMC64)
			f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		else
			smccc_arch_call(fid, f);
		break;
	case SMCCC_OWNER_STANDARD:
		/* Standard secure service calls 0x00-0x1f are PSCI (SMCCC 6.3). */
		if (SMCCC_FUNC_NUM(fid) <= 0x1f)
			psci_handle(fid, f);
		else
			f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	default:
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	}
}
