#!/usr/bin/env bash
# SIGKILL one server's real process (the Kafka JVM, the temporal binary, the postmaster), as a crash
# would, and wait until it and its children are gone. Start it again with infra/up.sh SERVICE.
# For fault tests on servers of their own: refuses the default state dir (the shared servers).
# usage: infra/crash.sh postgres|kafka|temporal
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $CT_STATE_DIR != "$CT_CACHE_DIR/state" ]] \
  || die "crash: refusing the default state dir $CT_STATE_DIR (shared servers); set CT_STATE_DIR"

service=${1:-}
case "$service" in
  kafka | temporal) pid=$(pid_of "$service") || die "crash: $service is not running" ;;
  postgres)
    pid=$(head -1 "$CT_STATE_DIR/pgdata/postmaster.pid" 2>/dev/null) || die "crash: postgres is not running"
    grep -qaF "$CT_STATE_DIR" "/proc/$pid/cmdline" 2>/dev/null || die "crash: postgres is not running"
    ;;
  *) echo "usage: $0 postgres|kafka|temporal" >&2; exit 2 ;;
esac

children=$(pgrep -P "$pid" || true) # postgres backends exit once they see their postmaster gone
kill -KILL "$pid"
deadline=$((SECONDS + 30))
for p in $pid $children; do
  while alive "$p" && ((SECONDS < deadline)); do sleep 0.1; done
  alive "$p" && die "crash: $service process $p still alive after 30s"
done
say "$service: killed pid $pid with SIGKILL"
