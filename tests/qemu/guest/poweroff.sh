#!/bin/sh
# Nothing to check inside: the host checks that QEMU exits with status 0 on its own.
echo "rampart-info: powering off"
