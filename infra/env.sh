# shellcheck shell=bash
# Single source of ports, versions and credentials for local infra.
# Sourced by infra/*.sh (and by npm scripts). Every value can be overridden from the environment.

# --- locations (nothing here lives in the repo) ---
export CT_CACHE_DIR="${CT_CACHE_DIR:-$HOME/.cache/care-transitions}"
export CT_STATE_DIR="${CT_STATE_DIR:-$CT_CACHE_DIR/state}"
export CT_LOG_DIR="${CT_LOG_DIR:-$CT_STATE_DIR/logs}"
export CT_RUN_DIR="${CT_RUN_DIR:-$CT_STATE_DIR/run}"
export CT_BIN_DIR="${CT_BIN_DIR:-$CT_CACHE_DIR/bin}"
# Maven's local repository for the jars below (kept in the cache so one directory holds everything).
export CT_MAVEN_REPO="${CT_MAVEN_REPO:-$CT_CACHE_DIR/m2}"

# --- Node.js: an LTS the project brings itself (infra/node.sh, from the npm registry's node-<os>-<arch>
# package) when the machine's node is older; scripts put its bin/ first on PATH (scripts/node-env.sh).
export NODE_LTS_VERSION="${NODE_LTS_VERSION:-24.22.3}"
export CT_NODE_DIR="${CT_NODE_DIR:-$CT_BIN_DIR/node-$NODE_LTS_VERSION}"

# --- how long up.sh waits for each server to become healthy (seconds) ---
export CT_START_TIMEOUT="${CT_START_TIMEOUT:-90}"

# --- Kafka (KRaft, single node: broker + controller) ---
export KAFKA_VERSION="${KAFKA_VERSION:-3.9.2}"
export KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-$KAFKA_HOST:$KAFKA_PORT}"
# base64url of the 16 bytes "care-transitions": a valid, fixed KRaft cluster id
export KAFKA_CLUSTER_ID="${KAFKA_CLUSTER_ID:-Y2FyZS10cmFuc2l0aW9ucw}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
# name:partitions, space separated
export KAFKA_TOPICS="${KAFKA_TOPICS:-adt.events.v1:6 referral.events.v1:6 care.events.v1:6 adt.dlq.v1:1}"

# --- Temporal dev server (temporal CLI, built from source with go install) ---
export TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-1.5.1}"
export TEMPORAL_HOST="${TEMPORAL_HOST:-127.0.0.1}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-$TEMPORAL_HOST:$TEMPORAL_PORT}"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
export TEMPORAL_TASK_QUEUE="${TEMPORAL_TASK_QUEUE:-care-transitions}"
# name=Type, space separated
export TEMPORAL_SEARCH_ATTRIBUTES="${TEMPORAL_SEARCH_ATTRIBUTES:-CtPathway=Keyword CtStep=Keyword CtFacility=Keyword CtBreached=Bool CtDueAt=Datetime}"

# --- Temporal Java time-skipping test server (not a daemon; the Node SDK starts it per test run) ---
export TEMPORAL_TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.39.0}"
export TEMPORAL_TEST_SERVER_PATH="${TEMPORAL_TEST_SERVER_PATH:-$CT_BIN_DIR/temporal-test-server}"

# --- PostgreSQL (our own cluster in $CT_STATE_DIR/pgdata) ---
export PG_HOST="${PG_HOST:-127.0.0.1}"
export PG_PORT="${PG_PORT:-5432}"
export PG_USER="${PG_USER:-care}"
export PG_PASSWORD="${PG_PASSWORD:-care}"
export PG_DATABASE="${PG_DATABASE:-care_transitions}"
export PG_TEST_DATABASE="${PG_TEST_DATABASE:-care_transitions_test}"
export PG_MAX_CONNECTIONS="${PG_MAX_CONNECTIONS:-200}"
export DATABASE_URL="${DATABASE_URL:-postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DATABASE}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_TEST_DATABASE}"

# Services in start order (up.sh) — down.sh stops them in reverse.
export CT_SERVICES="${CT_SERVICES:-postgres kafka temporal temporal-test-server}"
