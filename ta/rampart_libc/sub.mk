global-incdirs-y += ../include
srcs-y += libc_ta.c libc_format.c libc_heap.c libc_stdlib.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
