// SPDX-License-Identifier: BSD-2-Clause
/* The board's RAM size from SMBIOS Type 17 records (boot/smbios_ram.c), good and hostile tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "smbios_ram.h"

#define MiB 0x100000ULL

static uint8_t table[300000];
static size_t used;

/* One structure: type, formatted area of flen bytes (fields from fill), then strings. */
static uint8_t *add(uint8_t type, uint8_t flen, const char *strings, size_t strings_len)
{
	uint8_t *s = table + used;

	memset(s, 0, flen);
	s[0] = type;
	s[1] = flen;
	s[2] = (uint8_t)used;
	used += flen;
	if (strings_len) {
		memcpy(table + used, strings, strings_len);
		used += strings_len;
	} else {
		table[used++] = 0;
		table[used++] = 0;
	}
	return s;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

/* What QEMU 7.2's virt board builds: BIOS, system, chassis, CPU, array, DIMMs, boot, end. */
static void qemu_like(uint16_t dimm_mib, int dimms)
{
	used = 0;
	add(0, 0x1a, "QEMU\0virt-7.2\0\0", 15);
	add(1, 0x1b, "QEMU\0QEMU Virtual Machine\0\0", 27);
	add(3, 0x16, "QEMU\0\0", 6);
	add(4, 0x30, "CPU 0\0QEMU\0\0", 12);
	add(16, 0x17, NULL, 0);
	for (int i = 0; i < dimms; i++)
		put16(add(17, 0x28, "DIMM 0\0QEMU\0\0", 13) + 0x0c, dimm_mib);
	add(32, 0x0b, NULL, 0);
	add(127, 4, NULL, 0);
}

static void refused(const char *needle)
{
	uint64_t size = 12345;
	const char *why = NULL;

	assert_int_equal(smbios_ram_size(table, used, &size, &why), -1);
	assert_non_null(why);
	assert_non_null(strstr(why, needle));
	assert_int_equal(size, 12345);
}

static void qemu_tables(void **state)
{
	uint64_t size = 0;
	const char *why;

	(void)state;
	qemu_like(1024, 1);
	assert_int_equal(smbios_ram_size(table, used, &size, &why), 0);
	assert_int_equal(size, 1024 * MiB);
	/* Several DIMMs add up (QEMU splits RAM into 16 GiB devices). */
	qemu_like(0x4000, 3);
	assert_int_equal(smbios_ram_size(table, used, &size, &why), 0);
	assert_int_equal(size, 3 * 0x4000 * MiB);
	/* Nothing after the end-of-table structure counts. */
	qemu_like(512, 1);
	put16(add(17, 0x28, NULL, 0) + 0x0c, 512);
	assert_int_equal(smbios_ram_size(table, used, &size, &why), 0);
	assert_int_equal(size, 512 * MiB);
}

static void size_encodings(void **state)
{
	uint64_t size = 0;
	const char *why;
	uint8_t *d;

	(void)state;
	used = 0;
	d = add(17, 0x28, NULL, 0);
	put16(d + 0x0c, 0x8000 | 512); /* bit 15: kilobytes */
	d = add(17, 0x28, NULL, 0);
	put16(d + 0x0c, 0x7fff);	      /* the Extended Size field holds it */
	put32(d + 0x1c, 0x80000000U | 40000); /* bit 31 is reserved: ignored */
	d = add(17, 0x28, NULL, 0);
	put16(d + 0x0c, 0); /* an empty slot */
	add(127, 4, NULL, 0);
	assert_int_equal(smbios_ram_size(table, used, &size, &why), 0);
	assert_int_equal(size, 512 * 1024 + 40000 * MiB);
}

static void hostile_tables(void **state)
{
	uint8_t *d;

	(void)state;
	qemu_like(1024, 0);
	refused("no installed memory device");
	/* Cut short before its end-of-table structure: devices may be missing. */
	qemu_like(1024, 2);
	used -= 6;
	refused("no end-of-table");
	qemu_like(0, 2);
	refused("no installed memory device");
	qemu_like(0xffff, 1);
	refused("unknown size");
	/* Extended size announced in a structure too short to hold it (SMBIOS 2.3 length). */
	used = 0;
	put16(add(17, 0x1b, NULL, 0) + 0x0c, 0x7fff);
	refused("unknown size");
	/* Too short even for the Size field. */
	used = 0;
	add(17, 0x0c, NULL, 0);
	refused("unknown size");
	/* A length below the 4-byte header, or beyond the table. */
	qemu_like(1024, 1);
	table[1] = 3;
	refused("overruns");
	qemu_like(1024, 1);
	table[1] = 0xff;
	used = 0x30;
	refused("overruns");
	/* Strings that never end. */
	used = 0;
	d = add(17, 0x28, "DIMM", 4);
	put16(d + 0x0c, 1024);
	refused("unterminated");
	used = 0;
	add(17, 0x28, "DIMM\0", 5);
	refused("unterminated");
	/* Enough maximal devices to pass 2^64 bytes: 2^31 MiB each, 2^13 of them. */
	used = 0;
	for (int i = 0; i < 8193; i++) {
		d = add(17, 0x22, NULL, 0);
		put16(d + 0x0c, 0x7fff);
		put32(d + 0x1c, 0x7fffffff);
	}
	add(127, 4, NULL, 0);
	assert_true(used < sizeof(table));
	refused("more than 2^64");
}

/* Every prefix and every single-byte corruption: no crash, no read past len (ASan). */
static void truncations_and_flips(void **state)
{
	uint64_t size;
	const char *why;
	size_t full;

	(void)state;
	qemu_like(2048, 2);
	full = used;
	for (size_t len = 0; len <= full; len++) {
		uint8_t *copy = malloc(len ? len : 1);

		memcpy(copy, table, len);
		/* Only the whole table is accepted. */
		assert_int_equal(smbios_ram_size(copy, len, &size, &why), len == full ? 0 : -1);
		free(copy);
	}
	srand(3);
	for (int i = 0; i < 20000; i++) {
		uint8_t *copy = malloc(full);

		qemu_like(2048, 2);
		memcpy(copy, table, full);
		copy[rand() % full] = (uint8_t)rand();
		if (smbios_ram_size(copy, full, &size, &why))
			assert_non_null(why);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(qemu_tables),
	    cmocka_unit_test(size_encodings),
	    cmocka_unit_test(hostile_tables),
	    cmocka_unit_test(truncations_and_flips),
	};

	return cmocka_run_group_tests_name("smbios_ram", tests, NULL, NULL);
}
