#!/usr/bin/env bash
# Temporal dev server (temporal CLI `server start-dev`, SQLite file in the state dir).
# SQLite in WAL mode with synchronous=normal (commits survive a crash of the server, not of the
# machine: it is a dev server) and one task-queue partition: docs/benchmarks.md has the figures.
# The CLI is built from source once: CGO_ENABLED=0 go install github.com/temporalio/cli/cmd/temporal@vX.
# usage: infra/temporal.sh install|start|stop|status
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BIN="$CT_BIN_DIR/temporal"
PKG="github.com/temporalio/cli/cmd/temporal"

# Version the binary was built from (go install does not stamp `temporal --version`).
built_version() { go version -m "$BIN" 2>/dev/null | awk '$1 == "mod" { print $3 }'; }

have_binary() {
  [[ -x $BIN ]] || return 1
  command -v go >/dev/null || return 0 # cannot check without go; trust the cached binary
  [[ $(built_version) == "v$TEMPORAL_CLI_VERSION" ]]
}

install() {
  have_binary && return 0
  command -v go >/dev/null || die "temporal: go >= 1.25 is needed to build the temporal CLI (not found)"
  exec 9>"$CT_CACHE_DIR/.temporal-build.lock"
  flock 9 # one build at a time; a concurrent up.sh waits here
  # Someone may already be running the same go install by hand: wait for it instead of racing it.
  local deadline=$((SECONDS + 1200))
  while pgrep -f "go install $PKG" >/dev/null && ((SECONDS < deadline)); do
    say "temporal: waiting for a running 'go install $PKG' to finish ..."; sleep 5
  done
  if ! have_binary; then
    local log="$CT_LOG_DIR/temporal-build.log"
    say "temporal: building CLI v$TEMPORAL_CLI_VERSION with go install (first run only, several minutes; log: $log)"
    CGO_ENABLED=0 GOBIN="$CT_BIN_DIR" go install "$PKG@v$TEMPORAL_CLI_VERSION" >"$log" 2>&1 \
      || { tail -n 20 "$log" >&2; die "temporal: go install failed; log: $log"; }
    have_binary || die "temporal: built binary $BIN does not report module version v$TEMPORAL_CLI_VERSION"
  fi
  exec 9>&-
}

healthy() {
  pid_of temporal >/dev/null && tcp_open "$TEMPORAL_HOST" "$TEMPORAL_PORT" \
    && "$BIN" operator cluster health --address "$TEMPORAL_ADDRESS" --command-timeout 3s >/dev/null 2>&1
}

start() {
  install
  if healthy; then say "temporal: already healthy on $TEMPORAL_ADDRESS"; return 0; fi
  if ! pid_of temporal >/dev/null; then
    refuse_foreign_port temporal "$TEMPORAL_PORT"
    refuse_foreign_port temporal "$TEMPORAL_UI_PORT"
    local args=() sa
    for sa in $TEMPORAL_SEARCH_ATTRIBUTES; do args+=(--search-attribute "$sa"); done
    say "temporal: starting dev server on $TEMPORAL_ADDRESS, UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT (log: $CT_LOG_DIR/temporal.log)"
    daemon temporal "$BIN" server start-dev \
      --ip "$TEMPORAL_HOST" --port "$TEMPORAL_PORT" --ui-ip "$TEMPORAL_HOST" --ui-port "$TEMPORAL_UI_PORT" \
      --db-filename "$CT_STATE_DIR/temporal.sqlite" --namespace "$TEMPORAL_NAMESPACE" \
      --log-format json --log-level warn "${args[@]}" \
      --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal \
      --dynamic-config-value matching.numTaskqueueReadPartitions=1 \
      --dynamic-config-value matching.numTaskqueueWritePartitions=1 \
      --dynamic-config-value frontend.enableServerVersionCheck=false \
      --dynamic-config-value frontend.enableUpdateWorkflowExecution=true \
      --dynamic-config-value frontend.enableUpdateWorkflowExecutionAsyncAccepted=true
  fi
  wait_healthy temporal "$CT_START_TIMEOUT" healthy
  say "temporal: healthy on $TEMPORAL_ADDRESS (namespace $TEMPORAL_NAMESPACE)"
}

stop() { stop_pid temporal 20; }

status() {
  if healthy; then echo "temporal   healthy  $TEMPORAL_ADDRESS, UI http://$TEMPORAL_HOST:$TEMPORAL_UI_PORT (pid $(pid_of temporal))"; return 0; fi
  if pid_of temporal >/dev/null; then echo "temporal   starting/unhealthy (pid $(pid_of temporal)) log: $CT_LOG_DIR/temporal.log"; return 1; fi
  echo "temporal   down"; return 1
}

case "${1:-}" in
  install | start | stop | status) "$1" ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
