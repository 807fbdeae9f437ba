// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: the fw_cfg file directory (QEMU docs/specs/fw_cfg.rst, "FW_CFG_FILE_DIR") as
 * drivers/fw_cfg_file.c reads it. The device is simulated: reading key 0x19 gives the input, as a
 * QEMU started with any number of -fw_cfg files (or a hostile device model) would; reads past
 * the input give zero bytes like the real data register. Checked: the look-up never writes
 * past its directory buffer nor reads past an entry (ASan, UBSan), finds only what the
 * directory holds, and gives the size and selector of the entry it matched. The parsing is the
 * look-up itself: only the data register reads are simulated, so no code was moved for this.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <drivers/fw_cfg_file.h>

#define FILE_DIR 0x19

static const uint8_t *dev_data;
static size_t dev_size;

void fw_cfg_read_bytes(const struct fw_cfg *cfg, uint16_t key, void *buf, size_t len)
{
	uint8_t *p = buf;

	(void)cfg;
	for (size_t i = 0; i < len; i++)
		p[i] = key == FILE_DIR && i < dev_size ? dev_data[i] : 0;
}

uint32_t fw_cfg_read_u32(const struct fw_cfg *cfg, uint16_t key)
{
	uint8_t b[4];

	fw_cfg_read_bytes(cfg, key, b, sizeof(b));
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/*
 * The first entry called name in the simulated directory, as the device holds it (zero past the
 * input), among the 64 entries the look-up reads at most; 0, or -1 when there is none.
 */
static int expected(const char *name, uint16_t *select, uint32_t *size)
{
	static uint8_t dir[4 + 64 * 64];
	uint32_t count;

	memset(dir, 0, sizeof(dir));
	memcpy(dir, dev_data, dev_size < sizeof(dir) ? dev_size : sizeof(dir));
	count = (uint32_t)dir[0] << 24 | dir[1] << 16 | dir[2] << 8 | dir[3];
	for (uint32_t i = 0; i < count && i < 64; i++) {
		const uint8_t *e = dir + 4 + i * 64;

		if (strnlen((const char *)e + 8, 56) < 56 && !strcmp((const char *)e + 8, name)) {
			*size = (uint32_t)e[0] << 24 | e[1] << 16 | e[2] << 8 | e[3];
			*select = (uint16_t)(e[4] << 8 | e[5]);
			return 0;
		}
	}
	return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"opt/rampart/vms.dtb", "opt/rampart/vm1-kernel",
					    "etc/ramfb"};
	struct fw_cfg cfg = {.base = 0x09020000};

	dev_data = data;
	dev_size = size;
	for (size_t n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
		uint16_t sel = 0, want_sel = 0;
		uint32_t sz = 0, want_sz = 0;
		int found = fw_cfg_find_file(&cfg, names[n], &sel, &sz);
		int want = expected(names[n], &want_sel, &want_sz);

		if (found != want || (found == 0 && (sel != want_sel || sz != want_sz)))
			abort();
	}
	return 0;
}
