#!/bin/sh
# The virt suite's quota test, the other VM: once the flooding VM holds its share (tee-flood.sh,
# 45 s is past its flood on a loaded host), ordinary cases, 32 sessions at once among them.
sleep 45
echo "tee-test: starting while the other VM holds its sessions"
tee-test open-invoke-close many-sessions registered-memory
echo "tee-test: exit $?"
