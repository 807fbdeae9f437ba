global-incdirs-y += ../include
srcs-y += test_ta.c
srcs-y += test_memory.c
srcs-y += test_system.c
srcs-y += test_hostile.c
srcs-y += test_nesting.c
srcs-y += test_null.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
