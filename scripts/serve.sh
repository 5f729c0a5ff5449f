#!/usr/bin/env bash
# Set up, build and serve the site on http://127.0.0.1:8000 with live reload
# (live reload is on by default: it rebuilds when docs/, data/, templates or mkdocs.yml change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
