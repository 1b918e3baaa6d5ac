#!/usr/bin/env bash
# Starts Lucid: installs npm packages when missing, then serves the app on 127.0.0.1 with the demo open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
port="${PORT:-5173}"
echo "lucid: serving on http://127.0.0.1:${port}/ (Ctrl-C stops)"
exec npx vite --host 127.0.0.1 --port "$port" --strictPort
