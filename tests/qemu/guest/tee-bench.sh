#!/bin/sh
# make bench: TEE figures on a fresh boot (the first OpenSession loads the test TA).
tee-test --bench
