ifeq ($(KAT_DIR),)
$(error KAT_DIR is not set: the directory of kat_vectors.h made by tools/crypto_kat_gen.py)
endif
global-incdirs-y += ../include
srcs-y += crypto_ta.c crypto_kat.c crypto_kat_ae.c crypto_kat_cts.c crypto_errors.c
cflags-y += -Wextra -Werror -Wno-unused-parameter -I$(KAT_DIR)
