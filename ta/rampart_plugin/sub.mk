global-incdirs-y += ../include
srcs-y += plugin_ta.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
