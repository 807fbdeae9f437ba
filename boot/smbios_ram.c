// SPDX-License-Identifier: BSD-2-Clause
/* Board RAM from SMBIOS Type 17 structures (see smbios_ram.h). */
#include "smbios_ram.h"

/* DSP0134 6.1.2: every structure starts with type, length (of the formatted area), handle. */
#define HDR_LEN 4
/* Type 17 (DSP0134 7.18.5): Size at 0Ch; Extended Size at 1Ch from version 2.7 on. */
#define T17_SIZE	 0x0c
#define T17_LEN_SIZE	 0x0e
#define T17_EXT_SIZE	 0x1c
#define T17_LEN_EXT	 0x20
#define T17_SIZE_UNKNOWN 0xffffU
#define T17_SIZE_USE_EXT 0x7fffU
#define T17_SIZE_IN_KB	 0x8000U     /* bit 15: the rest counts kilobytes, not megabytes */
#define T17_EXT_SIZE_MB	 0x7fffffffU /* bits 30:0 of Extended Size, in megabytes */

static uint32_t le16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
	return le16(p) | le16(p + 2) << 16;
}

/* Bytes of one memory device; 0 for an empty slot, -1 when the table does not say. */
static int64_t device_size(const uint8_t *s, size_t flen)
{
	uint32_t size;

	if (flen < T17_LEN_SIZE)
		return -1;
	size = le16(s + T17_SIZE);
	if (size == T17_SIZE_UNKNOWN)
		return -1;
	if (size == T17_SIZE_USE_EXT) {
		if (flen < T17_LEN_EXT)
			return -1;
		return (int64_t)(le32(s + T17_EXT_SIZE) & T17_EXT_SIZE_MB) << 20;
	}
	if (size & T17_SIZE_IN_KB)
		return (int64_t)(size & ~T17_SIZE_IN_KB) << 10;
	return (int64_t)size << 20;
}

int smbios_ram_size(const uint8_t *tables, size_t len, uint64_t *size, const char **why)
{
	size_t off = 0, next;
	uint64_t total = 0;
	int devices = 0, ended = 0;

	while (len - off >= HDR_LEN) {
		const uint8_t *s = tables + off;
		size_t flen = s[1];
		int64_t bytes;

		if (flen < HDR_LEN || flen > len - off) {
			*why = "the board's SMBIOS table has a structure that overruns it";
			return -1;
		}
		/* The string set after the formatted area ends with two NUL bytes (6.1.3). */
		for (next = off + flen; next + 1 < len; next++)
			if (!tables[next] && !tables[next + 1])
				break;
		if (next + 1 >= len) {
			*why = "the board's SMBIOS table has an unterminated string set";
			return -1;
		}
		if (s[0] == SMBIOS_TYPE_END) {
			ended = 1;
			break;
		}
		if (s[0] == SMBIOS_TYPE_MEMORY_DEVICE) {
			bytes = device_size(s, flen);
			if (bytes < 0) {
				*why = "the board's SMBIOS table has a memory device (type 17) of "
				       "unknown size";
				return -1;
			}
			if (__builtin_add_overflow(total, (uint64_t)bytes, &total)) {
				*why = "the board's SMBIOS table sums to more than 2^64 bytes of "
				       "RAM";
				return -1;
			}
			devices++;
		}
		off = next + 2;
	}
	/* A table cut short could have lost memory devices: only a whole one counts. */
	if (!ended) {
		*why = "the board's SMBIOS table has no end-of-table structure (type 127)";
		return -1;
	}
	if (!devices || !total) {
		*why = "the board's SMBIOS table lists no installed memory device (type 17)";
		return -1;
	}
	*size = total;
	return 0;
}
