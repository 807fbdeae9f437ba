#!/bin/sh
# FP/SIMD in TAs on one CPU model (tests/qemu/baremetal.d/fpsimd.sh): tee-test's fpu cases only.
timeout 180 tee-test fpu-arith fpu-wait fpu-migrate fpu-isolation fpu-nested fpu-sve-sme fpu-ns-kept fpu-gcm
echo "tee-test: exit $?"
