global-incdirs-y += ../include
srcs-y += entry.c session.c token.c pin.c attrs.c template.c object.c objcmd.c objmod.c store.c
srcs-y += mech.c ec.c keygen.c gpkey.c sign.c digest.c random.c cipher.c oaep.c
srcs-y += wrap.c derive.c ecdh.c spki.c
cflags-y += -Wextra -Werror -Wno-unused-parameter
