// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP TEE Internal Core API v1.1's forms of the functions whose lengths are size_t since v1.2
 * (tee_api_compat.h): a uint32_t length in and out of each, around the v1.3 function. A length
 * that does not fit 32 bits on the way out cannot happen here (buffers a TA has are smaller), so
 * it is a TEE failure, not a TA's: the TA panics with TEE_ERROR_OVERFLOW as the GP does for an
 * impossible state.
 */
#include <tee_internal_api.h>

#define GP11(name) __GP11_##name

static uint32_t out32(size_t n)
{
	if (n > UINT32_MAX)
		TEE_Panic(TEE_ERROR_OVERFLOW);
	return (uint32_t)n;
}

/* A length passed by pointer: in as size_t, back as uint32_t; NULL stays NULL. */
#define LEN_IN(p32, n) size_t n = (p32) ? *(p32) : 0
#define LEN_OUT(p32, n)                                                                            \
	do {                                                                                       \
		if (p32)                                                                           \
			*(p32) = out32(n);                                                         \
	} while (0)

TEE_Result GP11(TEE_GetPropertyAsString)(TEE_PropSetHandle h, const char *name, char *buf,
					 uint32_t *len);
TEE_Result GP11(TEE_GetPropertyAsString)(TEE_PropSetHandle h, const char *name, char *buf,
					 uint32_t *len)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_GetPropertyAsString(h, name, buf, len ? &n : NULL);

	LEN_OUT(len, n);
	return res;
}

TEE_Result GP11(TEE_GetPropertyAsBinaryBlock)(TEE_PropSetHandle h, const char *name, void *buf,
					      uint32_t *len);
TEE_Result GP11(TEE_GetPropertyAsBinaryBlock)(TEE_PropSetHandle h, const char *name, void *buf,
					      uint32_t *len)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_GetPropertyAsBinaryBlock(h, name, buf, len ? &n : NULL);

	LEN_OUT(len, n);
	return res;
}

TEE_Result GP11(TEE_GetPropertyName)(TEE_PropSetHandle e, void *buf, uint32_t *len);
TEE_Result GP11(TEE_GetPropertyName)(TEE_PropSetHandle e, void *buf, uint32_t *len)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_GetPropertyName(e, buf, len ? &n : NULL);

	LEN_OUT(len, n);
	return res;
}

/* TEE_Param as v1.1 has it: the size a uint32_t. */
union param11 {
	struct {
		void *buffer;
		uint32_t size;
	} memref;
	struct {
		uint32_t a, b;
	} value;
};

static void params_in(TEE_Param *p, const union param11 *q, uint32_t types)
{
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		p[i] = (TEE_Param){0};
		if (t >= TEE_PARAM_TYPE_MEMREF_INPUT && t <= TEE_PARAM_TYPE_MEMREF_INOUT)
			p[i].memref = (typeof(p[i].memref)){q[i].memref.buffer, q[i].memref.size};
		else if (t != TEE_PARAM_TYPE_NONE)
			p[i].value = (typeof(p[i].value)){q[i].value.a, q[i].value.b};
	}
}

static void params_out(union param11 *q, const TEE_Param *p, uint32_t types)
{
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (t == TEE_PARAM_TYPE_MEMREF_OUTPUT || t == TEE_PARAM_TYPE_MEMREF_INOUT)
			q[i].memref.size = out32(p[i].memref.size);
		else if (t == TEE_PARAM_TYPE_VALUE_OUTPUT || t == TEE_PARAM_TYPE_VALUE_INOUT)
			q[i].value = (typeof(q[i].value)){p[i].value.a, p[i].value.b};
	}
}

TEE_Result GP11(TEE_OpenTASession)(const TEE_UUID *dest, uint32_t timeout, uint32_t types,
				   union param11 params[TEE_NUM_PARAMS],
				   TEE_TASessionHandle *session, uint32_t *origin);
TEE_Result GP11(TEE_OpenTASession)(const TEE_UUID *dest, uint32_t timeout, uint32_t types,
				   union param11 params[TEE_NUM_PARAMS],
				   TEE_TASessionHandle *session, uint32_t *origin)
{
	TEE_Param p[TEE_NUM_PARAMS];
	TEE_Result res;

	if (params)
		params_in(p, params, types);
	res = TEE_OpenTASession(dest, timeout, types, params ? p : NULL, session, origin);
	if (params)
		params_out(params, p, types);
	return res;
}

TEE_Result GP11(TEE_InvokeTACommand)(TEE_TASessionHandle session, uint32_t timeout, uint32_t cmd,
				     uint32_t types, union param11 params[TEE_NUM_PARAMS],
				     uint32_t *origin);
TEE_Result GP11(TEE_InvokeTACommand)(TEE_TASessionHandle session, uint32_t timeout, uint32_t cmd,
				     uint32_t types, union param11 params[TEE_NUM_PARAMS],
				     uint32_t *origin)
{
	TEE_Param p[TEE_NUM_PARAMS];
	TEE_Result res;

	if (params)
		params_in(p, params, types);
	res = TEE_InvokeTACommand(session, timeout, cmd, types, params ? p : NULL, origin);
	if (params)
		params_out(params, p, types);
	return res;
}

TEE_Result GP11(TEE_GetObjectBufferAttribute)(TEE_ObjectHandle o, uint32_t id, void *buf,
					      uint32_t *len);
TEE_Result GP11(TEE_GetObjectBufferAttribute)(TEE_ObjectHandle o, uint32_t id, void *buf,
					      uint32_t *len)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_GetObjectBufferAttribute(o, id, buf, len ? &n : NULL);

	LEN_OUT(len, n);
	return res;
}

TEE_Result GP11(TEE_GetNextPersistentObject)(TEE_ObjectEnumHandle e, TEE_ObjectInfo *info,
					     void *id, uint32_t *len);
TEE_Result GP11(TEE_GetNextPersistentObject)(TEE_ObjectEnumHandle e, TEE_ObjectInfo *info,
					     void *id, uint32_t *len)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_GetNextPersistentObject(e, info, id, len ? &n : NULL);

	LEN_OUT(len, n);
	return res;
}

TEE_Result GP11(TEE_ReadObjectData)(TEE_ObjectHandle o, void *buf, uint32_t size,
				    uint32_t *count);
TEE_Result GP11(TEE_ReadObjectData)(TEE_ObjectHandle o, void *buf, uint32_t size,
				    uint32_t *count)
{
	LEN_IN(count, n);
	TEE_Result res = TEE_ReadObjectData(o, buf, size, count ? &n : NULL);

	LEN_OUT(count, n);
	return res;
}

/* The crypto functions with one output length: f(op, in, in_len, out, &out_len). */
#define ONE_OUT(name)                                                                              \
	TEE_Result GP11(name)(TEE_OperationHandle op, const void *in, uint32_t in_len, void *out,   \
			      uint32_t *out_len);                                                  \
	TEE_Result GP11(name)(TEE_OperationHandle op, const void *in, uint32_t in_len, void *out,   \
			      uint32_t *out_len)                                                   \
	{                                                                                          \
		LEN_IN(out_len, n);                                                                \
		TEE_Result res = name(op, in, in_len, out, out_len ? &n : NULL);                   \
                                                                                                   \
		LEN_OUT(out_len, n);                                                               \
		return res;                                                                        \
	}
ONE_OUT(TEE_DigestDoFinal)
ONE_OUT(TEE_CipherUpdate)
ONE_OUT(TEE_CipherDoFinal)
ONE_OUT(TEE_MACComputeFinal)
ONE_OUT(TEE_AEUpdate)

TEE_Result GP11(TEE_AEEncryptFinal)(TEE_OperationHandle op, const void *in, uint32_t in_len,
				    void *out, uint32_t *out_len, void *tag, uint32_t *tag_len);
TEE_Result GP11(TEE_AEEncryptFinal)(TEE_OperationHandle op, const void *in, uint32_t in_len,
				    void *out, uint32_t *out_len, void *tag, uint32_t *tag_len)
{
	LEN_IN(out_len, n);
	LEN_IN(tag_len, t);
	TEE_Result res = TEE_AEEncryptFinal(op, in, in_len, out, out_len ? &n : NULL, tag,
					    tag_len ? &t : NULL);

	LEN_OUT(out_len, n);
	LEN_OUT(tag_len, t);
	return res;
}

TEE_Result GP11(TEE_AEDecryptFinal)(TEE_OperationHandle op, const void *in, uint32_t in_len,
				    void *out, uint32_t *out_len, void *tag, uint32_t tag_len);
TEE_Result GP11(TEE_AEDecryptFinal)(TEE_OperationHandle op, const void *in, uint32_t in_len,
				    void *out, uint32_t *out_len, void *tag, uint32_t tag_len)
{
	LEN_IN(out_len, n);
	TEE_Result res = TEE_AEDecryptFinal(op, in, in_len, out, out_len ? &n : NULL, tag, tag_len);

	LEN_OUT(out_len, n);
	return res;
}

/* The asymmetric functions: f(op, attrs, count, in, in_len, out, &out_len). */
#define ASYM_OUT(name)                                                                             \
	TEE_Result GP11(name)(TEE_OperationHandle op, const TEE_Attribute *attrs, uint32_t count,   \
			      const void *in, uint32_t in_len, void *out, uint32_t *out_len);      \
	TEE_Result GP11(name)(TEE_OperationHandle op, const TEE_Attribute *attrs, uint32_t count,   \
			      const void *in, uint32_t in_len, void *out, uint32_t *out_len)       \
	{                                                                                          \
		LEN_IN(out_len, n);                                                                \
		TEE_Result res = name(op, attrs, count, in, in_len, out, out_len ? &n : NULL);     \
                                                                                                   \
		LEN_OUT(out_len, n);                                                               \
		return res;                                                                        \
	}
ASYM_OUT(TEE_AsymmetricEncrypt)
ASYM_OUT(TEE_AsymmetricDecrypt)
ASYM_OUT(TEE_AsymmetricSignDigest)

TEE_Result GP11(TEE_BigIntConvertToOctetString)(uint8_t *buf, uint32_t *len,
						const TEE_BigInt *big);
TEE_Result GP11(TEE_BigIntConvertToOctetString)(uint8_t *buf, uint32_t *len,
						const TEE_BigInt *big)
{
	LEN_IN(len, n);
	TEE_Result res = TEE_BigIntConvertToOctetString(buf, len ? &n : NULL, big);

	LEN_OUT(len, n);
	return res;
}
