global-incdirs-y += ../include
srcs-y += fpu_ta.c fpu_regs.S
cflags-y += -Wextra -Werror -Wno-unused-parameter
