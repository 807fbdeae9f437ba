/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PSCI CPU_SUSPEND's power_state for a vCPU (vpsci.c; docs/hypervisor.md "PSCI for vCPUs"), in
 * the original format, the one PSCI_FEATURES advertises (bit 1 clear; Arm DEN 0022 5.4.2.1):
 * StateID in bits 15:0, StateType in bit 16 (1: powerdown), PowerLevel in bits 25:24, every
 * other bit reserved. A vCPU is a core with no power domain above it: level 0 only. StateIDs
 * follow the recommended encoding (DEN 0022 6.5: the core's local state in bits 3:0, the higher
 * levels' fields 0): 1 standby and 2 retention, standby states that lose nothing, 3 powerdown;
 * 0 leaves the choice to StateType alone, as firmware without that encoding takes it. Any other
 * StateID, or one its StateType contradicts, is not a state of this platform. Pure: host tested.
 */
#ifndef HYP_VPSCI_STATE_H
#define HYP_VPSCI_STATE_H

#include <stdint.h>

#define VPSCI_PS_STATE_ID	 0xffffU
#define VPSCI_PS_TYPE_POWERDOWN	 (1U << 16)
#define VPSCI_PS_LEVEL_SHIFT	 24
#define VPSCI_STATE_ID_STANDBY	 1
#define VPSCI_STATE_ID_RETENTION 2
#define VPSCI_STATE_ID_POWERDOWN 3

/* PSCI_SUCCESS and *powerdown (1: the core loses its context), or PSCI_INVALID_PARAMETERS. */
int64_t vpsci_power_state(uint32_t power_state, int *powerdown);

#endif
