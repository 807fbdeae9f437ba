# Cross toolchain for the firmware (Debian's gcc-aarch64-linux-gnu) and the host compiler.
CROSS_COMPILE ?= aarch64-linux-gnu-
CC_FW := $(CROSS_COMPILE)gcc
OBJCOPY_FW := $(CROSS_COMPILE)objcopy
NM_FW := $(CROSS_COMPILE)nm
HOSTCC ?= gcc

RAMPART_VERSION := $(shell git -C $(TOP) describe --always --dirty 2>/dev/null || echo dev)

# Freestanding firmware with the stack protector (its canary: lib/stack_protector.c); no FP/SIMD in our code (the monitor must not touch the normal world's
# FP registers), no unaligned accesses (code that runs with the MMU off sees Device memory).
# Recursively expanded: the cross compiler may only be installed by the set-up step.
GCC_FW_INCLUDE = $(shell $(CC_FW) -print-file-name=include)
FW_CFLAGS = -std=gnu11 -O2 -g -ffreestanding -fno-common -fno-pie -fstack-protector-strong \
	-mgeneral-regs-only -mstrict-align -mcpu=cortex-a57 -Wall -Wextra -Werror \
	-Wno-unused-parameter -nostdinc -isystem $(GCC_FW_INCLUDE) \
	-I$(TOP)/include -I$(TOP)/lib/include -I$(TOP)/arch/aarch64/include \
	-I$(TOP)/drivers/include -I$(TOP)/plat/$(PLAT)/include \
	-DRAMPART_VERSION='"$(RAMPART_VERSION)"' $(VARIANT_CFLAGS)
FW_ASFLAGS := -D__ASSEMBLER__ -I$(TOP)/plat/$(PLAT)/include -I$(TOP)/include
FW_LDFLAGS := -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none -Wl,--no-warn-rwx-segments

HOST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -I$(TOP)/include -I$(TOP)/plat/$(PLAT)/include
