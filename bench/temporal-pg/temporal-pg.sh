#!/usr/bin/env bash
# Bench only: Temporal server (all four services in one process) on our PostgreSQL with 8 history
# shards, frontend 127.0.0.1:7243. It answers whether a production-shaped server (real database,
# several shards) lifts the ceiling the CLI dev server sets on this machine (docs/benchmarks.md).
# Not used by `npm start` or `npm test`.
# usage: bench/temporal-pg/temporal-pg.sh install|start|stop
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib.sh"

VERSION="${TEMPORAL_PG_SERVER_VERSION:-1.29.1}" # the server the temporal CLI 1.5.1 embeds
PORT="${TEMPORAL_PG_PORT:-7243}"                # frontend gRPC; HTTP and the other services take the next 8
ADDRESS="127.0.0.1:$PORT"
DIR="$CT_STATE_DIR/temporal-pg"
BIN="$CT_BIN_DIR/temporal-pg-$VERSION"
CLI="$CT_BIN_DIR/temporal"
DBS=(temporal_pg temporal_pg_visibility)

install() {
  if [[ ! -x $BIN/server || ! -x $BIN/sql ]]; then
    say "temporal-pg: building server and sql tool v$VERSION with go install (several minutes)"
    mkdir -p "$BIN"
    CGO_ENABLED=0 GOBIN="$BIN" go install "go.temporal.io/server/cmd/server@v$VERSION" \
      "go.temporal.io/server/cmd/tools/sql@v$VERSION" >"$CT_LOG_DIR/temporal-pg-build.log" 2>&1 \
      || die "temporal-pg: go install failed; log: $CT_LOG_DIR/temporal-pg-build.log"
  fi
  local schema db versioned
  schema="$(go env GOMODCACHE)/go.temporal.io/server@v$VERSION/schema/postgresql/v12"
  for db in "${DBS[@]}"; do
    PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAtc \
      "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 && continue
    versioned="$schema/temporal/versioned"
    [[ $db == *visibility ]] && versioned="$schema/visibility/versioned"
    PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE $db"
    local sql=("$BIN/sql" --plugin postgres12 --ep "$PG_HOST" -p "$PG_PORT" -u "$PG_USER" --pw "$PG_PASSWORD" --db "$db")
    { "${sql[@]}" setup-schema -v 0.0 && "${sql[@]}" update-schema -d "$versioned"; } \
      >>"$CT_LOG_DIR/temporal-pg-schema.log" 2>&1 || die "temporal-pg: schema of $db failed; log: $CT_LOG_DIR/temporal-pg-schema.log"
    say "temporal-pg: database $db created"
  done
}

write_config() {
  mkdir -p "$DIR/config"
  store() {
    printf '    %s:\n      sql:\n        pluginName: postgres12\n        databaseName: %s\n' "$1" "$2"
    printf '        connectAddr: "%s:%s"\n        connectProtocol: tcp\n' "$PG_HOST" "$PG_PORT"
    printf '        user: %s\n        password: %s\n        maxConns: %s\n        maxIdleConns: %s\n' \
      "$PG_USER" "$PG_PASSWORD" "$3" "$3"
  }
  {
    printf 'log:\n  stdout: true\n  level: warn\n'
    printf 'persistence:\n  defaultStore: default\n  visibilityStore: visibility\n  numHistoryShards: 8\n  datastores:\n'
    store default temporal_pg 20
    store visibility temporal_pg_visibility 10
    printf 'global:\n  membership:\n    maxJoinDuration: 30s\n    broadcastAddress: "127.0.0.1"\n'
    printf 'services:\n'
    printf '  frontend:\n    rpc:\n      grpcPort: %s\n      httpPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' \
      "$PORT" $((PORT + 1)) $((PORT + 2))
    printf '  history:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' $((PORT + 3)) $((PORT + 4))
    printf '  matching:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' $((PORT + 5)) $((PORT + 6))
    printf '  worker:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' $((PORT + 7)) $((PORT + 8))
    printf 'clusterMetadata:\n  enableGlobalNamespace: false\n  failoverVersionIncrement: 10\n'
    printf '  masterClusterName: active\n  currentClusterName: active\n  clusterInformation:\n'
    printf '    active:\n      enabled: true\n      initialFailoverVersion: 1\n      rpcName: frontend\n'
    printf '      rpcAddress: "%s"\n      httpAddress: "127.0.0.1:%s"\n' "$ADDRESS" $((PORT + 1))
    printf 'dcRedirectionPolicy:\n  policy: noop\n'
    printf 'archival:\n  history:\n    state: disabled\n  visibility:\n    state: disabled\n'
    printf 'namespaceDefaults:\n  archival:\n    history:\n      state: disabled\n    visibility:\n      state: disabled\n'
    printf 'dynamicConfigClient:\n  filepath: "%s/config/dynamicconfig.yaml"\n  pollInterval: 10s\n' "$DIR"
  } >"$DIR/config/development.yaml"
  # the same task-queue partitions and update flags as the dev server (infra/temporal.sh)
  local key
  for key in matching.numTaskqueueReadPartitions=1 matching.numTaskqueueWritePartitions=1 \
    frontend.enableUpdateWorkflowExecution=true frontend.enableUpdateWorkflowExecutionAsyncAccepted=true; do
    printf '%s:\n  - value: %s\n    constraints: {}\n' "${key%%=*}" "${key#*=}"
  done >"$DIR/config/dynamicconfig.yaml"
}

healthy() { "$CLI" operator cluster health --address "$ADDRESS" --command-timeout 3s >/dev/null 2>&1; }

start() {
  install
  if healthy; then say "temporal-pg: already healthy on $ADDRESS"; return 0; fi
  write_config
  refuse_foreign_port temporal-pg "$PORT"
  daemon temporal-pg "$BIN/server" --root "$DIR" --config config --env development --allow-no-auth start
  wait_healthy temporal-pg "$CT_START_TIMEOUT" healthy
  local ns=(--address "$ADDRESS" -n "$TEMPORAL_NAMESPACE") sa deadline=$((SECONDS + 90))
  until "$CLI" operator namespace describe "${ns[@]}" >/dev/null 2>&1; do
    "$CLI" operator namespace create "${ns[@]}" --retention 1d >/dev/null 2>&1 || sleep 1
    ((SECONDS < deadline)) || die "temporal-pg: namespace $TEMPORAL_NAMESPACE not created"
  done
  # a new namespace takes a few seconds to reach every service's cache
  for sa in $TEMPORAL_SEARCH_ATTRIBUTES; do
    until "$CLI" operator search-attribute list "${ns[@]}" 2>/dev/null | grep -qw "${sa%%=*}"; do
      "$CLI" operator search-attribute create "${ns[@]}" --name "${sa%%=*}" --type "${sa#*=}" >/dev/null 2>&1 \
        || sleep 1
      ((SECONDS < deadline)) || die "temporal-pg: search attribute ${sa%%=*} not created"
    done
  done
  say "temporal-pg: healthy on $ADDRESS (log: $CT_LOG_DIR/temporal-pg.log)"
}

stop() { stop_pid temporal-pg 30; }

case "${1:-}" in
  install | start | stop) "$1" ;;
  *) die "usage: $0 install|start|stop" ;;
esac
