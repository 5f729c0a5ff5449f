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
# Quality gates (tests/test_quality_*.py): axe-core and the Nu HTML checker from npm (package.json),
# installed again only when package-lock.json changes; the Nu checker runs on Java.
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v npm >/dev/null || ! command -v java >/dev/null; then
  $SUDO apt-get update -qq
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  command -v java >/dev/null || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null
fi
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.package-lock.sha256 ] || [ "$(cat node_modules/.package-lock.sha256)" != "$lock" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.package-lock.sha256
fi
export NO_MKDOCS_2_WARNING=1
# Two processes (pytest-xdist), a test file each at a time, so a file's fixtures (a built site, a
# browser) are made once per process; `-n 0` runs in this process alone.
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist loadfile "$@"
