global-incdirs-y += ../include
srcs-y += peer_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
