global-incdirs-y += ../include
srcs-y += large_ta.c
srcs-y += large_table.S
cflags-y += -Wextra -Werror -Wno-unused-parameter
