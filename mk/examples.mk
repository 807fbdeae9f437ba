# `make examples OPTEE_EXAMPLES=<dir>`: OP-TEE's example applications (optee_examples, kept
# outside the tree) built unchanged against the dev kit and Debian's libteec, run on this
# firmware under QEMU (docs/ta-sdk.md "OP-TEE's examples").
OPTEE_EXAMPLES ?=

.PHONY: examples
examples: all ta_dev_kit
	@[ -n "$(OPTEE_EXAMPLES)" ] || { echo "make examples: set OPTEE_EXAMPLES=<an optee_examples tree>" >&2; exit 1; }
	@bash tests/examples/build.sh $(BUILD_ROOT) $(OPTEE_EXAMPLES)
	@bash tests/examples/run.sh $(BUILD_ROOT) $(FIRMWARE)
