#!/usr/bin/env bash
# `npm test`: installs, builds, checks and runs the unit tests (before any server, so a lint error or a
# failing unit test fails in a minute on a cold machine), then
# provisions the real servers, runs every test, and every bench with tiny parameters (bench:smoke).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
started=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "node packages"
bash scripts/install.sh
if [[ "${CI:-}" == "true" ]]; then
  # CI starts with no servers and must leave none behind
  trap 'bash infra/down.sh >/dev/null 2>&1 || true' EXIT
fi
step "build, types, lint"
npm run --silent build
npx tsc -p tsconfig.json --noEmit
npx eslint . --max-warnings 0
npm run --silent lint:deps
npx prettier --check . --log-level warn
bash scripts/check-monitoring.sh # promtool (config, rules, rule unit tests), dashboard metric names

results=$(mktemp -d)
step "unit tests"
npx jest --selectProjects unit --ci --json --outputFile="$results/unit.json"

step "servers (Kafka, Temporal, PostgreSQL, Temporal test server), and Chromium for the console's test"
bash scripts/chromium.sh
bash infra/up.sh
source infra/env.sh

step "integration and end-to-end tests (real servers)"
export TEST_DATABASE_URL="postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_TEST_DATABASE"
# --forceExit: kafkajs can leave a reconnect timer behind after the last disconnect
npx jest --selectProjects integration --ci --runInBand --forceExit --json --outputFile="$results/integration.json"
step "benches, tiny parameters (bench:smoke)"
BENCH_BUILT=1 bash bench/smoke.sh
step "done"
# one plain closing line for CI: every test of both runs
node -e 'const r = process.argv.slice(1).map((f) => require(f));
  const sum = (k) => r.reduce((n, x) => n + x[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);' \
  "$results/unit.json" "$results/integration.json"
