global-incdirs-y += ../include
srcs-y += gp11_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
