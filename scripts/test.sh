#!/usr/bin/env bash
# Runs every test layer: type check, unit (Vitest), kernel (WGSL vs TS twin on Dawn + SwiftShader),
# e2e (Playwright on system Chromium). Installs what is missing first. Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --system || exit 1

export VK_ICD_FILENAMES="${VK_ICD_FILENAMES:-/usr/lib/chromium/vk_swiftshader_icd.json}"
if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  export LD_LIBRARY_PATH="/usr/lib/chromium${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
reports="$(mktemp -d)"
status=0
step() { echo; echo "=== $1 ==="; shift; "$@" || status=1; }

step "typecheck" npx tsc -p tsconfig.json --noEmit
step "unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
step "kernel tests" npx vitest run --project kernel --reporter=default --reporter=json --outputFile.json="$reports/kernel.json"
step "e2e tests" env PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json

node scripts/test-summary.mjs "$reports" || status=1
exit $status
