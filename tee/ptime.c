// SPDX-License-Identifier: BSD-2-Clause
/* TA persistent time: the record and its arithmetic (ptime.h). */
#include "ptime.h"

#include <string.h>

/* The latest time a TA can set: 2^32 - 1 seconds and 999 milliseconds. */
#define SET_MAX_MS (0xFFFFFFFFULL * 1000 + 999)

int ptime_valid(const struct ta_time *t)
{
	return t->millis < 1000 ? 0 : -1;
}

void ptime_make(struct ptime_record *r, const struct ta_time *t, uint64_t now_ms,
		const uint8_t boot[PTIME_BOOT_ID_LEN])
{
	memset(r, 0, sizeof(*r));
	r->magic = PTIME_MAGIC;
	r->format = PTIME_FORMAT;
	r->set_ms = (uint64_t)t->seconds * 1000 + t->millis;
	r->at_ms = now_ms;
	memcpy(r->boot, boot, PTIME_BOOT_ID_LEN);
}

uint32_t ptime_now(const struct ptime_record *r, uint64_t now_ms,
		   const uint8_t boot[PTIME_BOOT_ID_LEN], struct ta_time *out)
{
	int same_boot = !memcmp(r->boot, boot, PTIME_BOOT_ID_LEN);
	uint64_t elapsed, ms, s;

	memset(out, 0, sizeof(*out));
	if (r->magic != PTIME_MAGIC || r->format != PTIME_FORMAT || r->set_ms > SET_MAX_MS ||
	    (same_boot && r->at_ms > now_ms))
		return TEE_ERROR_TIME_NEEDS_RESET;
	/* Another boot: only this boot's system time is known to have passed since. */
	elapsed = same_boot ? now_ms - r->at_ms : now_ms;
	/* set_ms is below 2^42; a sum past 2^64 would take an uptime of half a billion years. */
	ms = r->set_ms + elapsed;
	s = ms / 1000;
	out->seconds = (uint32_t)s;
	out->millis = (uint32_t)(ms % 1000);
	return s > 0xFFFFFFFFULL ? TEE_ERROR_OVERFLOW : 0;
}
