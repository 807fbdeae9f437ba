// SPDX-License-Identifier: BSD-2-Clause
/* TA ELF checks (see include/rampart/ta_elf.h). Pure C: built into the trusted OS and host tests. */
#include <rampart/ta_elf.h>
#include <string.h>

#define EI_NIDENT 16
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ET_EXEC 2
#define ET_DYN 3
#define EM_AARCH64 183
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_TLS 7
#define PT_GNU_RELRO 0x6474e552
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define PAGE 4096UL

struct elf64_ehdr {
	uint8_t ident[EI_NIDENT];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static const char *check_header(const struct elf64_ehdr *eh, size_t len, int lib)
{
	static const uint8_t magic[4] = {0x7f, 'E', 'L', 'F'};
	uint64_t ph_end;

	if (len < sizeof(*eh) || memcmp(eh->ident, magic, 4))
		return "not an ELF file";
	if (eh->ident[4] != ELFCLASS64 || eh->ident[5] != ELFDATA2LSB || eh->ident[6] != EV_CURRENT)
		return "not a 64-bit little-endian ELF file";
	if (eh->machine != EM_AARCH64)
		return "not an AArch64 ELF file";
	if (!lib && eh->type != ET_EXEC)
		return "not an executable (ET_EXEC)";
	if (lib && eh->type != ET_DYN)
		return "not a shared library (ET_DYN)";
	if (eh->phentsize != sizeof(struct elf64_phdr) || eh->phnum == 0)
		return "no usable program headers";
	if (__builtin_mul_overflow((uint64_t)eh->phnum, sizeof(struct elf64_phdr), &ph_end) ||
	    __builtin_add_overflow(ph_end, eh->phoff, &ph_end) || ph_end > len || (eh->phoff & 7))
		return "program headers lie outside the file";
	return NULL;
}

static const char *add_segment(const struct elf64_phdr *ph, size_t len, uint64_t base,
			       uint64_t limit, struct ta_elf_layout *out)
{
	struct ta_elf_segment *s;
	uint64_t end, file_end, start;

	if (ph->filesz > ph->memsz)
		return "a segment's file size exceeds its memory size";
	if (__builtin_add_overflow(ph->offset, ph->filesz, &file_end) || file_end > len)
		return "a segment lies outside the file";
	if (__builtin_add_overflow(ph->vaddr, ph->memsz, &end) || ph->vaddr < base || end > limit)
		return "a segment lies outside the TA image range";
	if ((ph->flags & PF_W) && (ph->flags & PF_X))
		return "a segment is both writable and executable";
	if (out->count == TA_ELF_MAX_SEGMENTS)
		return "too many loadable segments";
	start = ph->vaddr & ~(PAGE - 1);
	if (out->count) {
		const struct ta_elf_segment *prev = &out->seg[out->count - 1];

		if (start < prev->vaddr + prev->memsz)
			return "loadable segments overlap or are out of order";
	}
	s = &out->seg[out->count++];
	s->vaddr = start;
	s->memsz = ((end + PAGE - 1) & ~(PAGE - 1)) - start;
	s->offset = ph->offset;
	s->copy_to = ph->vaddr;
	s->filesz = ph->filesz;
	s->prot = (ph->flags & PF_R ? TA_ELF_PROT_R : 0) | (ph->flags & PF_W ? TA_ELF_PROT_W : 0) |
		  (ph->flags & PF_X ? TA_ELF_PROT_X : 0);
	return NULL;
}

static const char *parse(const void *image, size_t len, uint64_t base, uint64_t limit, int lib,
			 struct ta_elf_layout *out)
{
	struct elf64_ehdr eh;
	const char *why;
	int entry_ok = 0;

	memset(out, 0, sizeof(*out));
	if (len < sizeof(eh))
		return "not an ELF file";
	memcpy(&eh, image, sizeof(eh));
	why = check_header(&eh, len, lib);
	if (why)
		return why;
	for (unsigned int i = 0; i < eh.phnum; i++) {
		struct elf64_phdr ph;

		memcpy(&ph, (const uint8_t *)image + eh.phoff + i * sizeof(ph), sizeof(ph));
		if (ph.type == PT_INTERP)
			return "an ELF file asking for a program interpreter (PT_INTERP)";
		if (ph.type == PT_TLS && lib && ph.memsz)
			return "a shared library with thread-local storage (PT_TLS)";
		/* An empty PT_DYNAMIC is what the kit's linker script leaves in a static TA. */
		if (ph.type == PT_DYNAMIC && ph.memsz) {
			if (out->dyn_size)
				return "more than one PT_DYNAMIC segment";
			if (ph.vaddr & 7)
				return "PT_DYNAMIC is not 8-byte aligned";
			out->dyn_vaddr = ph.vaddr;
			out->dyn_size = ph.memsz;
		}
		if (ph.type == PT_GNU_RELRO && ph.memsz) {
			out->relro_vaddr = ph.vaddr;
			out->relro_size = ph.memsz;
		}
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		why = add_segment(&ph, len, base, limit, out);
		if (why)
			return why;
		if ((ph.flags & PF_X) && eh.entry >= ph.vaddr && eh.entry - ph.vaddr < ph.memsz)
			entry_ok = 1;
		/* The program headers, when a loaded segment holds them (dl_iterate_phdr). */
		if (eh.phoff >= ph.offset && eh.phoff - ph.offset < ph.filesz &&
		    ph.filesz - (eh.phoff - ph.offset) >= eh.phnum * sizeof(ph)) {
			out->phdr_vaddr = ph.vaddr + (eh.phoff - ph.offset);
			out->phnum = eh.phnum;
		}
	}
	if (!out->count)
		return "no loadable segment";
	if (!lib && (!entry_ok || (eh.entry & 3)))
		return "the entry point is not in an executable segment";
	out->entry = lib ? 0 : eh.entry;
	return NULL;
}

const char *ta_elf_parse(const void *image, size_t len, uint64_t base, uint64_t limit,
			 struct ta_elf_layout *out)
{
	return parse(image, len, base, limit, 0, out);
}

const char *ta_elf_parse_lib(const void *image, size_t len, uint64_t limit,
			     struct ta_elf_layout *out)
{
	return parse(image, len, 0, limit, 1, out);
}
