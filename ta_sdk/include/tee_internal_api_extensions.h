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

#endif
