global-incdirs-y += ../include
incdirs-y += ../rampart_shlib
srcs-y += shlib2.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
