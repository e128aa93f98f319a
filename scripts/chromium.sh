#!/usr/bin/env bash
# The browser the console's e2e test drives (playwright-core, test/e2e/console.e2e.test.ts):
# Debian's chromium at /usr/bin/chromium, installed when missing (npm test runs this first).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "chromium is missing and there is no apt-get: install Chromium at /usr/bin/chromium" >&2
  exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
echo "==> apt-get install chromium (for the console's browser test)"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
