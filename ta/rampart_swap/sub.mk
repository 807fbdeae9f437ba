global-incdirs-y += ../include
global-incdirs-y += .
srcs-y += swap_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
