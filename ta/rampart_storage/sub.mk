global-incdirs-y += ../include
srcs-y += storage_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
