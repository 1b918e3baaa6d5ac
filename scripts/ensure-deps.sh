#!/usr/bin/env bash
# Installs what Lucid needs on a Debian machine with Node 20 and npm, skipping what is already there:
# npm packages (npm ci), and with --system also Chromium (e2e tests and the SwiftShader Vulkan ICD)
# and libvulkan1 (the loader Dawn needs for WebGPU in Node).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "lucid: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--system" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' || need+=(libvulkan1)
  if [ ${#need[@]} -gt 0 ]; then
    echo "lucid: installing Debian packages: ${need[*]}…"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
fi
