#!/usr/bin/env bash
# Bring up the local servers, each only if it is not already healthy (idempotent).
# usage: infra/up.sh [service...]     services: postgres kafka temporal temporal-test-server (default: all)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services=("$@")
((${#services[@]})) || read -ra services <<<"$CT_SERVICES"
for s in "${services[@]}"; do
  [[ " $CT_SERVICES " == *" $s "* ]] || die "unknown service '$s' (known: $CT_SERVICES)"
done

# 1. Downloads and builds, one at a time: parallel Maven runs could race on the shared local repository.
for s in "${services[@]}"; do
  "$CT_INFRA_DIR/$s.sh" install || die "$s: provisioning failed (see above; logs in $CT_LOG_DIR)"
done

# 2. Start in parallel (each waits for its own health check with a bounded timeout), report in order.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pids=()
for s in "${services[@]}"; do
  "$CT_INFRA_DIR/$s.sh" start >"$out/$s" 2>&1 &
  pids+=($!)
done
failed=()
for i in "${!services[@]}"; do
  wait "${pids[$i]}" || failed+=("${services[$i]}")
  cat "$out/${services[$i]}" >&2
done

if ((${#failed[@]})); then
  for s in "${failed[@]}"; do say "FAILED: $s (log: $CT_LOG_DIR/$s.log)"; done
  exit 1
fi
say "up in ${SECONDS}s: ${services[*]}"
