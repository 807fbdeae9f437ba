/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The five TA entry points (GP TEE Internal Core API v1.3.1, 4.3) under the name OP-TEE's dev
 * kit gives them; declared in tee_internal_api.h.
 */
#ifndef TEE_TA_API_H
#define TEE_TA_API_H

#include <tee_internal_api.h>

#endif
