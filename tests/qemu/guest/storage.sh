#!/bin/sh
# Trusted storage alone: tee-test's storage cases (the full run in tee.sh has them too).
tee-test storage-basic storage-isolation storage-tamper storage-sequences storage-time storage-requests
echo "tee-test: exit $?"
