global-incdirs-y += ../include
srcs-y += shlib.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
