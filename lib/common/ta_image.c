// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signed TA image header checks (include/rampart/ta_image.h), shared by the trusted OS,
 * tools/ta_sign and the unit tests. No crypto here: only what can be said from the sizes.
 */
#include <rampart/ta_image.h>

/* Byte reads: the image may sit at any alignment and the firmware forbids unaligned access. */
static uint32_t get_le32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

void ta_shdr_encode(const struct ta_shdr *shdr, uint8_t out[TA_SHDR_SIZE])
{
	put_le32(out + 0, shdr->magic);
	put_le32(out + 4, shdr->img_type);
	put_le32(out + 8, shdr->img_size);
	put_le32(out + 12, shdr->algo);
	put_le16(out + 16, shdr->hash_size);
	put_le16(out + 18, shdr->sig_size);
}

enum ta_image_error ta_image_parse(const void *image, size_t len, size_t sig_size,
				   size_t max_size, struct ta_image_layout *layout)
{
	const uint8_t *p = image;
	struct ta_shdr h;
	uint64_t total;

	if (len < TA_SHDR_SIZE)
		return TA_IMAGE_ERR_SHORT_HEADER;
	h.magic = get_le32(p + 0);
	h.img_type = get_le32(p + 4);
	h.img_size = get_le32(p + 8);
	h.algo = get_le32(p + 12);
	h.hash_size = get_le16(p + 16);
	h.sig_size = get_le16(p + 18);

	if (h.magic != TA_SHDR_MAGIC)
		return TA_IMAGE_ERR_MAGIC;
	if (h.img_type != TA_IMG_TYPE_TA)
		return TA_IMAGE_ERR_TYPE;
	if (h.algo != TA_ALG_RSASSA_PSS_SHA256)
		return TA_IMAGE_ERR_ALGO;
	if (h.hash_size != TA_HASH_SIZE)
		return TA_IMAGE_ERR_HASH_SIZE;
	if (h.sig_size != sig_size)
		return TA_IMAGE_ERR_SIG_SIZE;
	/* 64-bit sums of 32- and 16-bit fields cannot wrap; the file format's sizes are 32-bit. */
	total = (uint64_t)TA_SHDR_SIZE + h.hash_size + h.sig_size + h.img_size;
	if (total > UINT32_MAX)
		return TA_IMAGE_ERR_SIZE_OVERFLOW;
	if (total > max_size)
		return TA_IMAGE_ERR_TOO_BIG;
	if (h.img_size == 0)
		return TA_IMAGE_ERR_EMPTY;
	if (len < total)
		return TA_IMAGE_ERR_TRUNCATED;
	if (len > total)
		return TA_IMAGE_ERR_TRAILING;

	layout->shdr = h;
	layout->hash_offset = TA_SHDR_SIZE;
	layout->sig_offset = TA_SHDR_SIZE + h.hash_size;
	layout->elf_offset = layout->sig_offset + h.sig_size;
	layout->elf_size = h.img_size;
	return TA_IMAGE_OK;
}

const char *ta_image_strerror(enum ta_image_error err)
{
	static const char *const text[TA_IMAGE_ERR_COUNT] = {
		[TA_IMAGE_OK] = "well formed",
		[TA_IMAGE_ERR_SHORT_HEADER] = "shorter than the 20-byte signed header",
		[TA_IMAGE_ERR_MAGIC] = "bad magic: not a signed TA image",
		[TA_IMAGE_ERR_TYPE] = "image type is not a plain TA (bootstrap and encrypted TAs "
				      "are not supported)",
		[TA_IMAGE_ERR_ALGO] = "signature algorithm is not RSASSA-PSS with SHA-256",
		[TA_IMAGE_ERR_HASH_SIZE] = "hash size is not 32 (SHA-256)",
		[TA_IMAGE_ERR_SIG_SIZE] = "signature size does not match the TA signing key",
		[TA_IMAGE_ERR_SIZE_OVERFLOW] = "header sizes overflow 32 bits",
		[TA_IMAGE_ERR_TOO_BIG] = "image larger than the trusted OS accepts",
		[TA_IMAGE_ERR_EMPTY] = "image holds no ELF (img_size 0)",
		[TA_IMAGE_ERR_TRUNCATED] = "truncated: shorter than its header says",
		[TA_IMAGE_ERR_TRAILING] = "trailing data after the ELF the header describes",
	};

	if ((unsigned int)err >= TA_IMAGE_ERR_COUNT)
		return "unknown TA image error";
	return text[err];
}
