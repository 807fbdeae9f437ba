ifeq ($(ASYM_KAT_DIR),)
$(error ASYM_KAT_DIR is not set: the directory of asym_vectors.h made by tools/asym_kat_gen.py)
endif
global-incdirs-y += ../include
srcs-y += asym_ta.c asym_kat.c asym_errors.c asym_keygen.c
cflags-y += -Wextra -Werror -Wno-unused-parameter -I$(ASYM_KAT_DIR)
