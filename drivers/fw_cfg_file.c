// SPDX-License-Identifier: BSD-2-Clause
/* fw_cfg file directory look-up (see drivers/fw_cfg_file.h). */
#include <string.h>

#include <drivers/fw_cfg_file.h>

#define FW_CFG_FILE_DIR	 0x19
#define FW_CFG_MAX_FILES 64

struct fw_cfg_file_entry { /* big-endian, as QEMU stores it */
	uint32_t size;
	uint16_t select;
	uint16_t reserved;
	char name[56];
};

static struct {
	uint32_t count;
	struct fw_cfg_file_entry f[FW_CFG_MAX_FILES];
} dir;

int fw_cfg_find_file(const struct fw_cfg *cfg, const char *name, uint16_t *select, uint32_t *size)
{
	uint32_t count;

	fw_cfg_read_bytes(cfg, FW_CFG_FILE_DIR, &dir.count, sizeof(dir.count));
	count = __builtin_bswap32(dir.count);
	if (count > FW_CFG_MAX_FILES)
		count = FW_CFG_MAX_FILES;
	fw_cfg_read_bytes(cfg, FW_CFG_FILE_DIR, &dir, sizeof(dir.count) + count * sizeof(dir.f[0]));
	for (uint32_t i = 0; i < count; i++) {
		dir.f[i].name[sizeof(dir.f[i].name) - 1] = '\0';
		if (!strcmp(dir.f[i].name, name)) {
			*select = __builtin_bswap16(dir.f[i].select);
			*size = __builtin_bswap32(dir.f[i].size);
			return 0;
		}
	}
	return -1;
}
