global-incdirs-y += .
srcs-y += refused_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
