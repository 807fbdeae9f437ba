# `make xtest OPTEE_TEST=<dir>`: OP-TEE's regression suite (optee_test 3.19.0, kept outside the
# tree) built unchanged against the dev kit and Debian's libteec, run on this firmware under QEMU.
OPTEE_TEST ?=
XTEST_GROUPS ?= 1,20,40,41,5,6,80,81

.PHONY: xtest
xtest: all ta_dev_kit
	@[ -n "$(OPTEE_TEST)" ] || { echo "make xtest: set OPTEE_TEST=<an optee_test 3.19.0 tree>" >&2; exit 1; }
	@bash tests/xtest/build.sh $(BUILD_ROOT) $(OPTEE_TEST)
	@bash tests/xtest/run.sh $(BUILD_ROOT) $(FIRMWARE) $(XTEST_GROUPS)
