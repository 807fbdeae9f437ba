#!/bin/sh
# The virt suite's quota test, the flooding VM: as many TEE sessions as the trusted OS gives this
# VM, held two minutes while the other VM opens its own (tee-later.sh), then released.
tee-test --session-flood 120
echo "tee-test: exit $?"
