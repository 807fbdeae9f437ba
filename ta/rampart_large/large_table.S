/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The large TA's table: LARGE_TA_TABLE_BYTES of read-only data, byte i = (i * 7 + 3) mod 251.
 * The pattern repeats every 251 bytes, so the table is made of whole periods; written here in
 * the assembler because a C initialiser of a million elements is slow to compile.
 */
#include <rampart_test_ta.h>

#define PERIOD 251

	.section .rodata.large_table, "a"
	.balign 64
	.global large_table
	.type large_table, %object
large_table:
	.rept LARGE_TA_TABLE_BYTES / PERIOD
	.set j, 0
	.rept PERIOD
	.byte (j * 7 + 3) % PERIOD
	.set j, j + 1
	.endr
	.endr
	.size large_table, . - large_table
