# Fuzzing (docs/fuzzing.md).
#   make fuzz        the host fuzzers (tests/fuzz/*_fuzz.c, libFuzzer + ASan/UBSan), each for
#                    FUZZ_SECONDS; fails if one finds a crash (reproducers in build/fuzz/<target>/)
FUZZ_SECONDS ?= 60

.PHONY: fuzz

fuzz: $(SETUP_STAMP)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh
