global-incdirs-y += ../include
srcs-y += storage_b.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
