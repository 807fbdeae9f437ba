global-incdirs-y += ../include
srcs-y += single_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
