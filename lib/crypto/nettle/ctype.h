/* SPDX-License-Identifier: BSD-2-Clause */
/* <ctype.h> for mini-gmp in the trusted OS: isspace(), for mpz_set_str (not linked). */
#ifndef RAMPART_NETTLE_CTYPE_H
#define RAMPART_NETTLE_CTYPE_H

static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

#endif
