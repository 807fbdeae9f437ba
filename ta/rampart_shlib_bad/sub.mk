global-incdirs-y += ../include
srcs-y += bad.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
