/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TA persistent time (GP TEE Internal Core API v1.3.1 7.2.4, 7.2.5) as arithmetic: the record
 * kept in a TA's store (tee/storage_time.c) and the time it gives. Nothing here does I/O.
 *
 * The record holds the time the TA set, the system time (tee/clock.h) at that moment and a
 * random identity of that boot. Within that boot the persistent time is the time set plus the
 * system time since. The system counter starts again at every boot and nothing secure counts
 * while the machine is off, so in a later boot it is the time set plus this boot's system time:
 * never less than the time set, but behind by whatever passed between the set and the reboot,
 * and while the machine was off (docs/storage.md, "TA persistent time").
 */
#ifndef TEE_PTIME_H
#define TEE_PTIME_H

#include <rampart/ta_abi.h>
#include <stdint.h>

#define PTIME_BOOT_ID_LEN 16
#define PTIME_MAGIC	  0x4d545352U /* "RSTM" */
#define PTIME_FORMAT	  1

struct ptime_record {
	uint32_t magic;
	uint32_t format;
	uint64_t set_ms; /* the persistent time the TA set, in milliseconds */
	uint64_t at_ms;	 /* the system time when it was set */
	uint8_t boot[PTIME_BOOT_ID_LEN];
};

#define TEE_ERROR_TIME_NOT_SET	   0xFFFF5000U
#define TEE_ERROR_TIME_NEEDS_RESET 0xFFFF5001U
#ifndef TEE_ERROR_OVERFLOW
#define TEE_ERROR_OVERFLOW 0xFFFF300FU
#endif

/* 0 when t is a time a TA may set (GP's TEE_Time: millis below 1000), -1 otherwise. */
int ptime_valid(const struct ta_time *t);
/* The record of time t, set at system time now_ms of the boot `boot`. */
void ptime_make(struct ptime_record *r, const struct ta_time *t, uint64_t now_ms,
		const uint8_t boot[PTIME_BOOT_ID_LEN]);
/*
 * The persistent time at system time now_ms of the boot `boot`, into *out: 0 (TEEC_SUCCESS);
 * TEE_ERROR_OVERFLOW when the seconds pass 32 bits, *out holding them modulo 2^32 (GP 7.2.4);
 * TEE_ERROR_TIME_NEEDS_RESET, *out zero, for a record that cannot be right (another magic or
 * format, millis of 1000 or more, a time set later than now in this boot).
 */
uint32_t ptime_now(const struct ptime_record *r, uint64_t now_ms,
		   const uint8_t boot[PTIME_BOOT_ID_LEN], struct ta_time *out);

#endif
