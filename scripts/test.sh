#!/usr/bin/env bash
# Set up everything the tests need (Python packages, Debian's Chromium) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
