# Host tools in C.
.PHONY: host-tools
host-tools: $(FWPACK)

$(FWPACK): tools/fwpack_main.c tools/fw_pack.c tools/fw_pack.h lib/common/fw_image.c \
		include/rampart/fw_image.h
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"; $(HOSTCC) $(HOST_CFLAGS) -Itools tools/fwpack_main.c tools/fw_pack.c lib/common/fw_image.c -o $@
