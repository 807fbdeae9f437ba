/* SPDX-License-Identifier: BSD-2-Clause */
/* What Rampart's libutee offers beyond the GP Internal Core API. */
#ifndef TEE_INTERNAL_API_EXTENSIONS_H
#define TEE_INTERNAL_API_EXTENSIONS_H

#include <tee_api_defines_extensions.h> /* OP-TEE's identifiers, as its header includes them */
#include <tee_api_types.h>

/* Bytes of the TA heap in use now (allocations and their headers), for leak checks. */
size_t tee_heap_bytes_in_use(void);

/* The TEE_UUID as the 16 octets of RFC 4122 (network byte order), and back. */
void tee_uuid_to_octets(uint8_t octets[16], const TEE_UUID *uuid);
void tee_uuid_from_octets(TEE_UUID *uuid, const uint8_t octets[16]);

/*
 * Invoke a plugin of tee-supplicant (in its plugin directory, named by UUID) with a command, a
 * sub-command and a buffer it may read and rewrite; *outlen (when not NULL) gets the length the
 * plugin answered. TEE_ERROR_BAD_PARAMETERS for a NULL uuid, or buf and len not both given or
 * both absent; TEE_ERROR_ITEM_NOT_FOUND when tee-supplicant has no such plugin; otherwise the
 * plugin's own result. As OP-TEE's libutee offers it.
 */
TEE_Result tee_invoke_supp_plugin(const TEE_UUID *uuid, uint32_t cmd, uint32_t sub_cmd, void *buf,
				  size_t len, size_t *outlen);

#endif
