#!/usr/bin/env bash
# make bench: boot-time comparison and image sizes (see boot_time.py).
set -euo pipefail
# The virt variant compares a VM against baremetal: both firmwares are needed.
[[ ${VARIANT:-baremetal} == virt ]] && exec python3 "$(dirname "$0")/virt_bench.py"
exec python3 "$(dirname "$0")/boot_time.py"
