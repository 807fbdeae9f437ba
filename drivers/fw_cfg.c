// SPDX-License-Identifier: BSD-2-Clause
#include <arch/cache.h>
#include <arch/mmio.h>
#include <drivers/fw_cfg.h>

#define FW_CFG_DATA 0x00
#define FW_CFG_SELECTOR 0x08
#define FW_CFG_DMA_ADDR 0x10

#define FW_CFG_ID_DMA (1U << 1)

#define FW_CFG_DMA_ERROR (1U << 0)
#define FW_CFG_DMA_READ (1U << 1)
#define FW_CFG_DMA_SELECT (1U << 3)

/* The descriptor the device reads: every field big-endian. */
struct fw_cfg_dma_access {
	uint32_t control;
	uint32_t length;
	uint64_t address;
};

static void select_key(const struct fw_cfg *cfg, uint16_t key)
{
	/* The MMIO selector register is big-endian. */
	mmio_write16(cfg->base + FW_CFG_SELECTOR, __builtin_bswap16(key));
}

int fw_cfg_probe(const struct fw_cfg *cfg)
{
	char sig[4];

	fw_cfg_read_bytes(cfg, FW_CFG_SIGNATURE, sig, sizeof(sig));
	if (sig[0] != 'Q' || sig[1] != 'E' || sig[2] != 'M' || sig[3] != 'U')
		return -1;
	return (fw_cfg_read_u32(cfg, FW_CFG_ID) & FW_CFG_ID_DMA) ? 0 : -1;
}

void fw_cfg_read_bytes(const struct fw_cfg *cfg, uint16_t key, void *buf, size_t len)
{
	uint8_t *p = buf;

	select_key(cfg, key);
	for (size_t i = 0; i < len; i++)
		p[i] = mmio_read8(cfg->base + FW_CFG_DATA);
}

uint32_t fw_cfg_read_u32(const struct fw_cfg *cfg, uint16_t key)
{
	uint8_t b[4];

	fw_cfg_read_bytes(cfg, key, b, sizeof(b));
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static int dma_chunk(const struct fw_cfg *cfg, uint32_t control, uintptr_t dst, uint32_t len)
{
	volatile struct fw_cfg_dma_access *desc = (void *)cfg->dma_desc;
	uint64_t addr = cfg->dma_desc;
	uint32_t status;

	desc->control = __builtin_bswap32(control);
	desc->length = __builtin_bswap32(len);
	desc->address = __builtin_bswap64(dst);
	/* The device reads the descriptor from memory, behind any cache. */
	dcache_clean_inval_range(cfg->dma_desc, sizeof(*desc));
	/* Writing the low half of the big-endian address register starts the transfer. */
	mmio_write32(cfg->base + FW_CFG_DMA_ADDR, __builtin_bswap32((uint32_t)(addr >> 32)));
	mmio_write32(cfg->base + FW_CFG_DMA_ADDR + 4, __builtin_bswap32((uint32_t)addr));
	do {
		dcache_inval_range(cfg->dma_desc, sizeof(*desc));
		status = __builtin_bswap32(desc->control);
	} while (status & ~FW_CFG_DMA_ERROR);
	return (status & FW_CFG_DMA_ERROR) ? -1 : 0;
}

int fw_cfg_dma_read(const struct fw_cfg *cfg, int key, uintptr_t dst, size_t len)
{
	uint32_t control = FW_CFG_DMA_READ;

	if (key >= 0)
		control |= FW_CFG_DMA_SELECT | ((uint32_t)key << 16);
	do {
		/* The length field is 32 bits; larger items go in several transfers. */
		uint32_t chunk = len > 0x40000000 ? 0x40000000 : (uint32_t)len;

		if (dma_chunk(cfg, control, dst, chunk))
			return -1;
		control = FW_CFG_DMA_READ;
		dst += chunk;
		len -= chunk;
	} while (len);
	return 0;
}
