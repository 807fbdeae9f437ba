/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP TEE Internal Core API functions under the name OP-TEE's dev kit gives them: TAs written
 * for OP-TEE include <tee_api.h>; here the declarations live in tee_internal_api.h.
 */
#ifndef TEE_API_H
#define TEE_API_H

#include <tee_internal_api.h>

#endif
