global-incdirs-y += ../include
srcs-y += socket_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
