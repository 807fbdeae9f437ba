// SPDX-License-Identifier: BSD-2-Clause
/* CPU_SUSPEND's power_state for a vCPU (see vpsci_state.h). Pure: host tested. */
#include "vpsci_state.h"

#include <rampart/smccc.h>

#define PS_VALID_MASK (VPSCI_PS_STATE_ID | VPSCI_PS_TYPE_POWERDOWN | 3U << VPSCI_PS_LEVEL_SHIFT)

int64_t vpsci_power_state(uint32_t ps, int *powerdown)
{
	uint32_t id = ps & VPSCI_PS_STATE_ID;

	*powerdown = (ps & VPSCI_PS_TYPE_POWERDOWN) != 0;
	/* Reserved bits, or a level above the core: INVALID_PARAMETERS (DEN 0022 5.4.3). */
	if ((ps & ~PS_VALID_MASK) || (ps >> VPSCI_PS_LEVEL_SHIFT))
		return PSCI_INVALID_PARAMETERS;
	switch (id) {
	case 0:
		return PSCI_SUCCESS;
	case VPSCI_STATE_ID_POWERDOWN:
		return *powerdown ? PSCI_SUCCESS : PSCI_INVALID_PARAMETERS;
	case VPSCI_STATE_ID_STANDBY:
	case VPSCI_STATE_ID_RETENTION:
		return *powerdown ? PSCI_INVALID_PARAMETERS : PSCI_SUCCESS;
	default:
		return PSCI_INVALID_PARAMETERS;
	}
}
