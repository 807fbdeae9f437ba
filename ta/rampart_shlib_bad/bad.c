// SPDX-License-Identifier: BSD-2-Clause
/* A library the trusted OS refuses for how it is linked (Makefile), not for what it does. */
static const char text[] = "refused";
/* A pointer: one R_AARCH64_RELATIVE, which bad-reloc points elsewhere. */
const char *const rampart_bad_text = text;

const char *rampart_bad(void)
{
	return rampart_bad_text;
}
