/* SPDX-License-Identifier: BSD-2-Clause */
/* Named fw_cfg files (QEMU docs/specs/fw_cfg.rst, "FW_CFG_FILE_DIR"): -fw_cfg name=...,file=... */
#ifndef DRIVERS_FW_CFG_FILE_H
#define DRIVERS_FW_CFG_FILE_H

#include <drivers/fw_cfg.h>
#include <stdint.h>

/* The selector and size of the file called name: 0, or -1 if QEMU was given no such file. */
int fw_cfg_find_file(const struct fw_cfg *cfg, const char *name, uint16_t *select, uint32_t *size);

#endif
