// SPDX-License-Identifier: BSD-2-Clause
/*
 * Device enumeration pseudo-TA: tells Linux's TEE bus which services to bind drivers to (Linux
 * drivers/tee/optee/device.c: PTA_CMD_GET_DEVICES, PTA_CMD_GET_DEVICES_SUPP).
 */
#include <rampart/optee_abi.h>

#include "pta.h"

#define PTA_CMD_GET_DEVICES 0x0
#define PTA_CMD_GET_DEVICES_SUPP 0x1

static uint32_t list_devices(struct tee_param *out, int need_supplicant)
{
	uint64_t size = 0, room = out->u.memref.size;

	/* None of our pseudo-TAs needs tee-supplicant, so GET_DEVICES_SUPP lists nothing. */
	for (unsigned int i = 0; i < pta_count && !need_supplicant; i++) {
		if (!pta_list[i]->enumerate)
			continue;
		if (size + 16 <= room && memref_write(&out->u.memref, size, pta_list[i]->uuid, 16))
			return TEEC_ERROR_BAD_PARAMETERS;
		size += 16;
	}
	out->u.memref.size = size;
	return size > room ? TEEC_ERROR_SHORT_BUFFER : TEEC_SUCCESS;
}

static uint32_t invoke(uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS])
{
	if (!params_are(p, TEE_PARAM_TYPE_MEMREF_OUTPUT, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
			TEE_PARAM_TYPE_NONE))
		return TEEC_ERROR_BAD_PARAMETERS;
	switch (cmd) {
	case PTA_CMD_GET_DEVICES:
		return list_devices(&p[0], 0);
	case PTA_CMD_GET_DEVICES_SUPP:
		return list_devices(&p[0], 1);
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}

const struct pta pta_device_enum = {
	/* 7011a688-ddde-4053-a5a9-7b3c4ddf13b8 */
	.uuid = {0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde, 0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c, 0x4d, 0xdf,
		 0x13, 0xb8},
	.name = "device enumeration",
	/*
	 * Open to every client: Debian's 6.1 optee.ko opens this session with login PUBLIC, not
	 * REE_KERNEL (drivers/tee/optee/device.c), and the list holds only public UUIDs.
	 */
	.kernel_only = 0,
	.invoke = invoke,
};
