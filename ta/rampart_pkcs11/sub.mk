global-incdirs-y += ../include
srcs-y += entry.c session.c token.c pin.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
