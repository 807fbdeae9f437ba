#!/usr/bin/env bash
# make bench: boot-time comparison and image sizes (see boot_time.py).
set -euo pipefail
exec python3 "$(dirname "$0")/boot_time.py"
