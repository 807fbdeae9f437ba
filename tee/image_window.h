/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Room to read TA files into while they are verified and parsed. A file is up to TA_FILE_MAX
 * (2 MiB) and is read as one contiguous buffer; the kernel heap is shared by every guest and
 * cannot hold several such files at once, and the TA page pool is not contiguous. So every
 * thread has a window of kernel virtual addresses in which pool pages are mapped one after the
 * other: a file costs the calling guest pages of its page share, as the TA's own segments do,
 * and nothing of the heap.
 */
#ifndef TEE_IMAGE_WINDOW_H
#define TEE_IMAGE_WINDOW_H

#include <stddef.h>
#include <stdint.h>

/* Per thread: a TA and the libraries it links are all held until it is linked (ta_dl.c). */
#define IMAGE_WINDOW_SIZE (4UL << 20)

/* At boot, before any TA address space copies the kernel's level 1 table (ta_space.c). */
void image_window_init(uint64_t *kernel_l1);
/*
 * len bytes of zeroed secure memory in the calling thread's window, NULL when there is no
 * thread, not enough pool pages in the guest's share, or no run of free addresses left.
 */
void *image_window_alloc(size_t len);
/* Unmap and free what image_window_alloc returned. */
void image_window_free(void *p);

#endif
