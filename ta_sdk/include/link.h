/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dl_iterate_phdr(): the TA and its loaded shared libraries, in load order (the TA first), with
 * their program headers where a loaded segment holds them. In libutee.
 */
#ifndef LINK_H
#define LINK_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t Elf64_Addr;
typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef uint64_t Elf64_Xword;
typedef uint64_t Elf64_Off;

typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr;
	Elf64_Addr p_paddr;
	Elf64_Xword p_filesz;
	Elf64_Xword p_memsz;
	Elf64_Xword p_align;
} Elf64_Phdr;

#define ElfW(type) Elf64_##type

struct dl_phdr_info {
	Elf64_Addr dlpi_addr; /* load address minus link-time address */
	const char *dlpi_name; /* the module's UUID as text; "" for the TA */
	const Elf64_Phdr *dlpi_phdr;
	Elf64_Half dlpi_phnum;
	unsigned long long dlpi_adds; /* modules loaded so far */
	unsigned long long dlpi_subs; /* modules unloaded (never) */
	size_t dlpi_tls_modid; /* 0: libraries have no thread-local storage */
	void *dlpi_tls_data;
};

/*
 * Calls callback for every module, in load order, whatever it returns (as OP-TEE's libutee);
 * returns the last value it returned.
 */
int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *info, size_t size, void *data),
		    void *data);

#endif
