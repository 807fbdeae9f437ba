/* SPDX-License-Identifier: BSD-2-Clause */
/* The cases of tee-test, in the order they run (main.c), and the benchmark mode. */
#ifndef TEE_TEST_CASES_H
#define TEE_TEST_CASES_H

#include <stdbool.h>
#include <tee_client_api.h>

bool case_open_invoke_close(TEEC_Context *ctx);
bool case_params(TEEC_Context *ctx);
bool case_null_short(TEEC_Context *ctx);
bool case_registered_memory(TEEC_Context *ctx);
bool case_allocated_memory(TEEC_Context *ctx);
bool case_many_sessions(TEEC_Context *ctx);
bool case_ta_to_ta(TEEC_Context *ctx);
bool case_peer_shared(TEEC_Context *ctx);
bool case_all_cpus(TEEC_Context *ctx);
bool case_panic(TEEC_Context *ctx);
bool case_bad_access(TEEC_Context *ctx);
bool case_secure_memref(TEEC_Context *ctx);
bool case_bad_ta_files(TEEC_Context *ctx);
bool case_cancel(TEEC_Context *ctx);
bool case_cancel_wait(TEEC_Context *ctx);
bool case_cancel_masked(TEEC_Context *ctx);
bool case_cancel_not_mine(TEEC_Context *ctx);
bool case_cancel_ta_timeout(TEEC_Context *ctx);
bool case_hwrng(TEEC_Context *ctx);
bool case_exit_tables(TEEC_Context *ctx);
bool case_ta_heap(TEEC_Context *ctx);
bool case_ta_properties(TEEC_Context *ctx);
bool case_ta_time(TEEC_Context *ctx);
bool case_ta_wait(TEEC_Context *ctx);
bool case_ta_random(TEEC_Context *ctx);
bool case_ta_access_rights(TEEC_Context *ctx);
/* cases_socket.c */
bool case_gp_sockets(TEEC_Context *ctx);
/* cases_gp11.c */
bool case_gp11_compat(TEEC_Context *ctx);

/* cases_pkcs11.c */
bool case_pkcs11_abi(TEEC_Context *ctx);
/* cases_pkcs11_obj.c: objects and keys, run by pkcs11-abi when logged in */
bool pkcs11_object_checks(TEEC_Session *a, TEEC_Session *b, const char *pin, unsigned *count);
/* cases_pkcs11_wrap.c: C_WrapKey, C_UnwrapKey, C_DeriveKey, after those, logged out */
bool pkcs11_wrap_checks(TEEC_Session *a, TEEC_Session *b, const char *so, unsigned *count);
/* cases_pkcs11_auth.c: CKA_ALWAYS_AUTHENTICATE and context-specific login, after those */
bool pkcs11_auth_checks(TEEC_Session *a, TEEC_Session *b, const char *so, const char *pin,
			unsigned *count);
/* cases_pkcs11_ecdh.c: C_DeriveKey by CKM_ECDH1_DERIVE, after those, logged out */
bool pkcs11_ecdh_checks(TEEC_Session *a, TEEC_Session *b, unsigned *count);
/* cases_pkcs11_mod.c: C_SetAttributeValue, C_CopyObject, SHA-1 and SHA-224, after those */
bool pkcs11_modify_checks(TEEC_Session *a, TEEC_Session *b, const char *so, const char *pin,
			  unsigned *count);
/* cases_pkcs11_cts.c: CKM_AES_CTS, after those, logged out */
bool pkcs11_cts_checks(TEEC_Session *a, unsigned *count);
/* cases_plugin.c */
bool case_supp_plugin(TEEC_Context *ctx);
/* cases_hostile.c */
bool case_trusted_app_login(TEEC_Context *ctx);
bool case_stats_privileged(TEEC_Context *ctx);
bool case_tpidr_isolation(TEEC_Context *ctx);
bool case_ta_file_replaced(TEEC_Context *ctx);
/* cases_lifetimes.c */
bool case_ta_nesting_bound(TEEC_Context *ctx);
bool case_single_instance_race(TEEC_Context *ctx);
bool case_shm_churn(TEEC_Context *ctx);
bool case_no_leak(TEEC_Context *ctx);
/* cases_devkit.c */
bool case_null_memref(TEEC_Context *ctx);
bool case_large_ta(TEEC_Context *ctx);
bool case_large_ta_parallel(TEEC_Context *ctx);
/* cases_crypto.c */
bool case_gp_crypto(TEEC_Context *ctx);

/* cases_asym.c */
bool case_gp_asym(TEEC_Context *ctx);

/* cases_storage.c */
bool case_storage_basic(TEEC_Context *ctx);
bool case_storage_isolation(TEEC_Context *ctx);
bool case_storage_tamper(TEEC_Context *ctx);
bool case_storage_sequences(TEEC_Context *ctx);
/* tee-test --storage-verify / --storage-writer: the power-cut test's guest side. */
int storage_power_cut(TEEC_Context *ctx, bool write);
/* cases_storage_requests.c */
bool case_storage_requests(TEEC_Context *ctx);
/* cases_storage_time.c */
bool case_storage_time(TEEC_Context *ctx);
/* The power-cut boots: set the TA persistent time once, check it after each restart. */
void storage_time_reboot(TEEC_Session *s);
/* cases_arith.c */
bool case_gp_arith(TEEC_Context *ctx);
bool case_ta_libc(TEEC_Context *ctx);
/* cases_shlib.c */
bool case_ta_shlib(TEEC_Context *ctx);

/* cases_fpu.c */
bool case_fpu_arith(TEEC_Context *ctx);
bool case_fpu_wait(TEEC_Context *ctx);
bool case_fpu_migrate(TEEC_Context *ctx);
bool case_fpu_isolation(TEEC_Context *ctx);
bool case_fpu_nested(TEEC_Context *ctx);
bool case_fpu_sve_sme(TEEC_Context *ctx);
bool case_fpu_ns_kept(TEEC_Context *ctx);
bool case_fpu_gcm(TEEC_Context *ctx);

/* cases_bench.c */
bool case_bench_ta(TEEC_Context *ctx);

/* Heap baseline for case_no_leak: taken before the first case, released after the last. */
void heap_baseline(TEEC_Context *ctx);
void heap_baseline_end(void);

/* tee-test --bench: prints "tee-bench: <figure> <value>" lines; returns the exit status. */
int run_bench(TEEC_Context *ctx);

/*
 * tee-test --wait MS: one call of the test TA that waits MS ms in TEE_Wait (each 20 ms an RPC to
 * the normal world), for tests that need a call suspended in the trusted OS at a given moment.
 */
int wait_call(TEEC_Context *ctx, unsigned int ms);
/* tee-test --session-flood SECONDS (session_flood.c): 0, or 1 if sessions did not open again. */
int session_flood(TEEC_Context *ctx, unsigned int hold_seconds);

#endif
