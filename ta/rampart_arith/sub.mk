global-incdirs-y += ../include
srcs-y += arith_ta.c arith_kat.c arith_panic.c
cflags-y += -Wextra -Werror -Wno-unused-parameter -I$(ARITH_KAT_DIR)
