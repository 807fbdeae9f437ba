global-incdirs-y += ../include
srcs-y += bench_ta.c bench_sym.c bench_asym.c bench_store.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
