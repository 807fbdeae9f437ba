/* SPDX-License-Identifier: BSD-2-Clause */
/* nwfuzz: sizes shared by the entry code and C. */
#ifndef NWFUZZ_LAYOUT_H
#define NWFUZZ_LAYOUT_H

#define NWFUZZ_MAX_CPUS	  4
#define NWFUZZ_STACK_SIZE 0x4000

#endif
