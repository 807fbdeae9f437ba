global-incdirs-y += ../include
incdirs-y += ../rampart_shlib
srcs-y += dl_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
