#!/bin/sh
# make bench: TEE figures on a fresh boot (the first OpenSession loads the benchmark TA), on our
# firmware or on the reference (docs/benchmarks.md).
tee-test --bench
