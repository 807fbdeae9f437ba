/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP TEE Internal Core API v1.1 forms of the functions whose lengths became size_t in v1.2,
 * for TAs written against v1.1: a TA whose Makefile sets CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y (as
 * each of OP-TEE's optee_examples does) is built with __OPTEE_CORE_API_COMPAT_1_1 defined, and
 * then each name below means its v1.1 form: a uint32_t where v1.3 has size_t, for a length
 * passed by pointer in particular, which v1.3's size_t * would read and write 8 bytes of.
 * libutee's wrappers (tee_api_compat.c) convert and call the v1.3 functions. Functions whose
 * v1.1 lengths are passed by value need nothing: C converts them. Included by
 * tee_internal_api.h; TEE_Param's v1.1 form is in tee_api_types.h.
 */
#ifndef TEE_API_COMPAT_H
#define TEE_API_COMPAT_H

#if defined(__OPTEE_CORE_API_COMPAT_1_1) && __OPTEE_CORE_API_COMPAT_1_1

#include <stdint.h>
#include <tee_api_types.h>

#define TEE_GetPropertyAsString		__GP11_TEE_GetPropertyAsString
#define TEE_GetPropertyAsBinaryBlock	__GP11_TEE_GetPropertyAsBinaryBlock
#define TEE_GetPropertyName		__GP11_TEE_GetPropertyName
#define TEE_OpenTASession		__GP11_TEE_OpenTASession
#define TEE_InvokeTACommand		__GP11_TEE_InvokeTACommand
#define TEE_GetObjectBufferAttribute	__GP11_TEE_GetObjectBufferAttribute
#define TEE_GetNextPersistentObject	__GP11_TEE_GetNextPersistentObject
#define TEE_ReadObjectData		__GP11_TEE_ReadObjectData
#define TEE_DigestDoFinal		__GP11_TEE_DigestDoFinal
#define TEE_CipherUpdate		__GP11_TEE_CipherUpdate
#define TEE_CipherDoFinal		__GP11_TEE_CipherDoFinal
#define TEE_MACComputeFinal		__GP11_TEE_MACComputeFinal
#define TEE_AEUpdate			__GP11_TEE_AEUpdate
#define TEE_AEEncryptFinal		__GP11_TEE_AEEncryptFinal
#define TEE_AEDecryptFinal		__GP11_TEE_AEDecryptFinal
#define TEE_AsymmetricEncrypt		__GP11_TEE_AsymmetricEncrypt
#define TEE_AsymmetricDecrypt		__GP11_TEE_AsymmetricDecrypt
#define TEE_AsymmetricSignDigest	__GP11_TEE_AsymmetricSignDigest
#define TEE_BigIntConvertToOctetString	__GP11_TEE_BigIntConvertToOctetString

TEE_Result TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				   char *valueBuffer, uint32_t *valueBufferLen);
TEE_Result TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator, const char *name,
					void *valueBuffer, uint32_t *valueBufferLen);
TEE_Result TEE_GetPropertyName(TEE_PropSetHandle enumerator, void *nameBuffer,
			       uint32_t *nameBufferLen);
TEE_Result TEE_OpenTASession(const TEE_UUID *destination, uint32_t cancellationRequestTimeout,
			     uint32_t paramTypes, TEE_Param params[TEE_NUM_PARAMS],
			     TEE_TASessionHandle *session, uint32_t *returnOrigin);
TEE_Result TEE_InvokeTACommand(TEE_TASessionHandle session, uint32_t cancellationRequestTimeout,
			       uint32_t commandID, uint32_t paramTypes,
			       TEE_Param params[TEE_NUM_PARAMS], uint32_t *returnOrigin);
TEE_Result TEE_GetObjectBufferAttribute(TEE_ObjectHandle object, uint32_t attributeID,
					void *buffer, uint32_t *size);
TEE_Result TEE_GetNextPersistentObject(TEE_ObjectEnumHandle objectEnumerator,
				       TEE_ObjectInfo *objectInfo, void *objectID,
				       uint32_t *objectIDLen);
TEE_Result TEE_ReadObjectData(TEE_ObjectHandle object, void *buffer, uint32_t size,
			      uint32_t *count);
TEE_Result TEE_DigestDoFinal(TEE_OperationHandle operation, const void *chunk, uint32_t chunkLen,
			     void *hash, uint32_t *hashLen);
TEE_Result TEE_CipherUpdate(TEE_OperationHandle operation, const void *srcData, uint32_t srcLen,
			    void *destData, uint32_t *destLen);
TEE_Result TEE_CipherDoFinal(TEE_OperationHandle operation, const void *srcData, uint32_t srcLen,
			     void *destData, uint32_t *destLen);
TEE_Result TEE_MACComputeFinal(TEE_OperationHandle operation, const void *message,
			       uint32_t messageLen, void *mac, uint32_t *macLen);
TEE_Result TEE_AEUpdate(TEE_OperationHandle operation, const void *srcData, uint32_t srcLen,
			void *destData, uint32_t *destLen);
TEE_Result TEE_AEEncryptFinal(TEE_OperationHandle operation, const void *srcData, uint32_t srcLen,
			      void *destData, uint32_t *destLen, void *tag, uint32_t *tagLen);
TEE_Result TEE_AEDecryptFinal(TEE_OperationHandle operation, const void *srcData, uint32_t srcLen,
			      void *destData, uint32_t *destLen, void *tag, uint32_t tagLen);
TEE_Result TEE_AsymmetricEncrypt(TEE_OperationHandle operation, const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData, uint32_t srcLen,
				 void *destData, uint32_t *destLen);
TEE_Result TEE_AsymmetricDecrypt(TEE_OperationHandle operation, const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData, uint32_t srcLen,
				 void *destData, uint32_t *destLen);
TEE_Result TEE_AsymmetricSignDigest(TEE_OperationHandle operation, const TEE_Attribute *params,
				    uint32_t paramCount, const void *digest, uint32_t digestLen,
				    void *signature, uint32_t *signatureLen);
TEE_Result TEE_BigIntConvertToOctetString(uint8_t *buffer, uint32_t *bufferLen,
					  const TEE_BigInt *bigInt);

#endif
#endif
