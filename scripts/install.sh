#!/usr/bin/env bash
# Installs node packages exactly as locked, once per change of package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.care-transitions-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
echo "==> npm install (from package-lock.json)"
# npm ci refuses this lock: the registry here serves only some of @swc/core's optional platform builds
npm install --no-audit --no-fund
echo "$want" > "$stamp"
