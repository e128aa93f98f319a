#!/usr/bin/env bash
# `npm start`: installs, provisions the servers, migrates, starts every app, plays a demo feed.
# Ctrl-C stops the apps cleanly; `npm run stop` stops the servers.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
bash scripts/install.sh
bash infra/up.sh
source infra/env.sh
npm run --silent build

export NODE_ENV=production LOG_LEVEL="${LOG_LEVEL:-info}"
export DATABASE_URL="postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DATABASE"
export KAFKA_BROKERS TEMPORAL_ADDRESS TEMPORAL_NAMESPACE TEMPORAL_TASK_QUEUE
node dist/libs/persistence/src/migrate.js
# Sign-in: with the hospital's identity provider, set AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL
# (docs/sign-in.md). Otherwise a DEV ONLY OpenID Connect provider (scripts/dev-oidc.ts: personas,
# no passwords; its key stays in the state dir) runs on :3900 and the api and gateway trust it.
export DEV_OIDC_DIR="$CT_STATE_DIR/dev-oidc" DEV_OIDC_PORT="${DEV_OIDC_PORT:-3900}"
dev_oidc=
if [[ -z ${AUTH_ISSUER:-} ]]; then
  dev_oidc="http://127.0.0.1:$DEV_OIDC_PORT"
  export AUTH_ISSUER="$dev_oidc" AUTH_AUDIENCE=care-transitions AUTH_JWKS_URL="$dev_oidc/jwks"
  unset AUTH_JWKS_FILE
fi

log_dir="$CT_LOG_DIR/apps"
mkdir -p "$log_dir"
declare -A ports=([api]=3000 [adt-gateway]=3001 [orchestrator]=3002 [worker]=3003)
pids=()
stop_apps() {
  trap - INT TERM EXIT
  echo; echo "stopping apps (in-flight work finishes first)..."
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  echo "apps stopped. Servers still run; stop them with: npm run stop"
}
trap stop_apps INT TERM EXIT

if [[ -n $dev_oidc ]]; then
  NODE_ENV=development DEV_OIDC_ISSUER="$dev_oidc" node dist/scripts/dev-oidc.js >"$log_dir/dev-oidc.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do
    curl -fs "$dev_oidc/.well-known/openid-configuration" >/dev/null 2>&1 && break
    if ! kill -0 "${pids[@]}" 2>/dev/null; then echo "the dev OpenID Connect provider exited; log: $log_dir/dev-oidc.log"; exit 1; fi
    sleep 0.5
  done
  curl -fs "$dev_oidc/.well-known/openid-configuration" >/dev/null || { echo "dev-oidc is not ready; log: $log_dir/dev-oidc.log"; exit 1; }
  echo "dev OpenID Connect provider ready on :$DEV_OIDC_PORT, DEV ONLY (log: $log_dir/dev-oidc.log)"
fi
for app in worker orchestrator adt-gateway api; do
  PORT=${ports[$app]} node dist/apps/$app/src/main.js >"$log_dir/$app.log" 2>&1 &
  pids+=($!)
done
for app in worker orchestrator adt-gateway api; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${ports[$app]}/health/ready" >/dev/null 2>&1 && break
    if ! kill -0 "${pids[@]}" 2>/dev/null; then echo "an app exited; see $log_dir"; exit 1; fi
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:${ports[$app]}/health/ready" >/dev/null || { echo "$app is not ready; log: $log_dir/$app.log"; exit 1; }
  echo "$app ready on :${ports[$app]} (log: $log_dir/$app.log)"
done

if [[ -n $dev_oidc ]]; then
  node dist/scripts/demo-feed.js
  sign_in="  Sign-in        $dev_oidc   DEV ONLY: pick a persona (ops-1, nurse-1, supervisor-1), no password
  Tokens         npm run --silent token -- care-coordinator nurse-1   (roles: care-coordinator, ops, adt-feed)
                 curl -H \"Authorization: Bearer \$(npm run --silent token -- care-coordinator)\" http://127.0.0.1:3000/api/v1/tasks"
else
  echo "demo feed skipped: it takes its tokens from the dev provider, and AUTH_ISSUER names another"
  sign_in="  Sign-in        $AUTH_ISSUER (AUTH_ISSUER)"
fi
cat <<INFO

care-transitions is running.
  Worklist API   http://127.0.0.1:3000/api/v1/tasks      (OpenAPI: http://127.0.0.1:3000/api/docs)
  ADT gateway    http://127.0.0.1:3001/api/v1/adt/hl7    (HL7 over HTTP)
  Temporal UI    http://127.0.0.1:$TEMPORAL_UI_PORT
  App logs       $log_dir
$sign_in
Ctrl-C stops the apps; 'npm run stop' stops Kafka, Temporal and PostgreSQL.
INFO
wait "${pids[@]}"
