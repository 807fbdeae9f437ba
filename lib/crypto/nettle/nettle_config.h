/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS's configuration of nettle (mk/nettle.mk), force-included into each nettle file
 * it compiles, in place of the config.h nettle's configure script would write. That script
 * probes the host's C library with compile-and-link tests, which a freestanding build without a
 * C library cannot answer, and of all it writes the files built here test for one macro only:
 * UNUSED (ed25519-sha512.c, ecc-curve25519.c). HAVE_ALLOCA stays undefined, so nettle's
 * TMP_ALLOC takes bounded arrays on the stack, and so do the HAVE_NATIVE_* macros: the portable
 * C code, none of nettle's assembly.
 */
#ifndef RAMPART_NETTLE_CONFIG_H
#define RAMPART_NETTLE_CONFIG_H

#define UNUSED __attribute__((__unused__))

#endif
