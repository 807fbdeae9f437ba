// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP transient objects (GP TEE Internal Core API v1.3.1 chapter 5). The objects live in the
 * trusted OS (TA_SYS_OBJ_*); a TEE_ObjectHandle carries the trusted OS's handle number, which
 * it checks, so a forged or stale handle panics there.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "utee_syscalls.h"

#define H(o) ((uint64_t)(uintptr_t)(o))

TEE_Result TEE_AllocateTransientObject(TEE_ObjectType objectType, uint32_t maxObjectSize,
				       TEE_ObjectHandle *object)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = utee_crypto(TA_SYS_OBJ_ALLOC, objectType, maxObjectSize, (uintptr_t)&h, 0);
	*object = res == TEE_SUCCESS ? (TEE_ObjectHandle)(uintptr_t)h : TEE_HANDLE_NULL;
	return res;
}

void TEE_FreeTransientObject(TEE_ObjectHandle object)
{
	if (object != TEE_HANDLE_NULL)
		utee_crypto(TA_SYS_OBJ_FREE, H(object), 0, 0, 0);
}

void TEE_ResetTransientObject(TEE_ObjectHandle object)
{
	if (object != TEE_HANDLE_NULL)
		utee_crypto(TA_SYS_OBJ_RESET, H(object), 0, 0, 0);
}

void utee_attrs_to_abi(struct ta_attr *a, const TEE_Attribute *attrs, uint32_t count)
{
	/* More attributes than any type or operation takes: some are not defined for it. */
	if (count > UTEE_ATTRS_MAX || (count && !attrs))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	for (uint32_t i = 0; i < count; i++) {
		a[i].id = attrs[i].attributeID;
		a[i].pad = 0;
		if (attrs[i].attributeID & TEE_ATTR_FLAG_VALUE) {
			a[i].a = attrs[i].content.value.a;
			a[i].b = attrs[i].content.value.b;
		} else {
			a[i].a = (uintptr_t)attrs[i].content.ref.buffer;
			a[i].b = attrs[i].content.ref.length;
		}
	}
}

TEE_Result TEE_PopulateTransientObject(TEE_ObjectHandle object, const TEE_Attribute *attrs,
				       uint32_t attrCount)
{
	struct ta_attr a[UTEE_ATTRS_MAX];

	utee_attrs_to_abi(a, attrs, attrCount);
	return utee_crypto(TA_SYS_OBJ_POPULATE, H(object), (uintptr_t)a, attrCount, 0);
}

void TEE_InitRefAttribute(TEE_Attribute *attr, uint32_t attributeID, const void *buffer,
			  size_t length)
{
	/* GP 5.5.5: a value attribute's ID here is a programming error */
	if (!attr || (attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.ref.buffer = (void *)(uintptr_t)buffer;
	attr->content.ref.length = length;
}

void TEE_InitValueAttribute(TEE_Attribute *attr, uint32_t attributeID, uint32_t a, uint32_t b)
{
	if (!attr || !(attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.value.a = a;
	attr->content.value.b = b;
}

TEE_Result TEE_GetObjectInfo1(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo)
{
	struct ta_obj_info info;
	TEE_Result res;

	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (utee_persistent_info(object, objectInfo))
		return TEE_SUCCESS; /* a persistent object: its data stream too (tee_api_storage.c) */
	res = utee_crypto(TA_SYS_OBJ_INFO, H(object), (uintptr_t)&info, 0, 0);
	if (res != TEE_SUCCESS)
		TEE_Panic(res);
	objectInfo->objectType = info.type;
	objectInfo->objectSize = info.size_bits;
	objectInfo->maxObjectSize = info.max_bits;
	objectInfo->objectUsage = info.usage;
	objectInfo->dataSize = 0; /* transient objects have no data stream */
	objectInfo->dataPosition = 0;
	objectInfo->handleFlags = info.handle_flags;
	return TEE_SUCCESS;
}

void TEE_GetObjectInfo(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo)
{
	TEE_Result res = TEE_GetObjectInfo1(object, objectInfo);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}

TEE_Result TEE_RestrictObjectUsage1(TEE_ObjectHandle object, uint32_t objectUsage)
{
	return utee_crypto(TA_SYS_OBJ_RESTRICT, H(object), objectUsage, 0, 0);
}

TEE_Result TEE_GetObjectBufferAttribute(TEE_ObjectHandle object, uint32_t attributeID, void *buffer,
					size_t *size)
{
	uint64_t len;
	TEE_Result res;

	if (!size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = buffer ? *size : 0;
	res = utee_crypto(TA_SYS_OBJ_GET_ATTR, H(object), attributeID, (uintptr_t)buffer,
			  (uintptr_t)&len);
	if (res == TEE_SUCCESS || res == TEE_ERROR_SHORT_BUFFER)
		*size = len;
	return res;
}

TEE_Result TEE_CopyObjectAttributes1(TEE_ObjectHandle destObject, TEE_ObjectHandle srcObject)
{
	return utee_crypto(TA_SYS_OBJ_COPY, H(destObject), H(srcObject), 0, 0);
}

TEE_Result TEE_GetObjectValueAttribute(TEE_ObjectHandle object, uint32_t attributeID, uint32_t *a,
				       uint32_t *b)
{
	uint32_t v[2] = {0, 0};
	TEE_Result res;

	res = utee_crypto(TA_SYS_OBJ_GET_VALUE, H(object), attributeID, (uintptr_t)v, 0);
	if (res == TEE_SUCCESS) {
		if (a)
			*a = v[0];
		if (b)
			*b = v[1];
	}
	return res;
}

TEE_Result TEE_GenerateKey(TEE_ObjectHandle object, uint32_t keySize, const TEE_Attribute *params,
			   uint32_t paramCount)
{
	struct ta_attr a[UTEE_ATTRS_MAX];

	/* GP 5.5.7 Table 5-12: RSA, DH and ECC keys take parameters; secrets none */
	utee_attrs_to_abi(a, params, paramCount);
	return utee_crypto(TA_SYS_OBJ_GENERATE2, H(object), keySize, (uintptr_t)a, paramCount);
}
