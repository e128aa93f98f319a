#!/usr/bin/env bash
# Stop the servers that infra/up.sh started (SIGTERM, wait, then SIGKILL). Idempotent. Data is kept.
# usage: infra/down.sh [service...]   (default: all, in reverse start order)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services=("$@")
if ((${#services[@]} == 0)); then
  read -ra all <<<"$CT_SERVICES"
  for ((i = ${#all[@]} - 1; i >= 0; i--)); do services+=("${all[$i]}"); done
fi
rc=0
for s in "${services[@]}"; do
  [[ " $CT_SERVICES " == *" $s "* ]] || die "unknown service '$s' (known: $CT_SERVICES)"
  "$CT_INFRA_DIR/$s.sh" stop || { say "FAILED to stop $s"; rc=1; }
done
exit "$rc"
