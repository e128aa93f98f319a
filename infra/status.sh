#!/usr/bin/env bash
# Print each server's health. Exit status 0 only if all (given) services are healthy.
# usage: infra/status.sh [service...]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services=("$@")
((${#services[@]})) || read -ra services <<<"$CT_SERVICES"
rc=0
for s in "${services[@]}"; do
  [[ " $CT_SERVICES " == *" $s "* ]] || die "unknown service '$s' (known: $CT_SERVICES)"
  "$CT_INFRA_DIR/$s.sh" status || rc=1
done
echo "logs: $CT_LOG_DIR"
exit "$rc"
