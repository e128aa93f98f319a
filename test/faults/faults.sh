#!/usr/bin/env bash
# `npm run test:faults`: a steady load of discharges while each part in turn is killed with SIGKILL
# and restarted, on servers of its own (own state dir and ports: the shared servers are never
# touched). Builds, starts the servers afresh, migrates, runs test/faults/kill.faults.test.ts, and
# stops its servers at the end. Settings: FAULT_RATE, FAULT_PARTS, FAULT_PHASE_SECONDS, ... (see
# the test), and the ports below.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/node-env.sh

# Everything the servers and apps are found by is derived here, never inherited from the caller.
unset DATABASE_URL TEST_DATABASE_URL KAFKA_BROKERS TEMPORAL_ADDRESS CT_LOG_DIR CT_RUN_DIR
export CT_CACHE_DIR="${CT_CACHE_DIR:-$HOME/.cache/care-transitions}"
export CT_STATE_DIR="${FAULT_STATE_DIR:-$CT_CACHE_DIR/faults-state}"
export CT_SERVICES="postgres kafka temporal"
export KAFKA_PORT="${FAULT_KAFKA_PORT:-19092}" KAFKA_CONTROLLER_PORT="${FAULT_KAFKA_CONTROLLER_PORT:-19093}"
export TEMPORAL_PORT="${FAULT_TEMPORAL_PORT:-17233}" TEMPORAL_UI_PORT="${FAULT_TEMPORAL_UI_PORT:-18233}"
export PG_PORT="${FAULT_PG_PORT:-15432}"
source infra/env.sh
[[ $CT_STATE_DIR != "$CT_CACHE_DIR/state" ]] || { echo "FAULT_STATE_DIR must not be the shared state dir" >&2; exit 2; }

npm run --silent build
# a fresh start: no transitions, topics or workflows of an earlier run
bash infra/down.sh >/dev/null 2>&1 || true
rm -rf "$CT_STATE_DIR"
trap 'bash infra/down.sh >/dev/null 2>&1 || true' EXIT
bash infra/up.sh
node dist/libs/persistence/src/migrate.js

export CT_FAULTS=1 # enables the faults project in jest.config.js
npx jest --selectProjects faults --runInBand --forceExit --ci
