#!/usr/bin/env bash
# One bench as `npm run bench:*` runs it: build, servers up, infra settings, then the bench.
# usage: bench/run.sh dist/bench/<bench>.js [args...]    BENCH_BUILT=1 skips the build (bench:smoke)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
[[ ${BENCH_BUILT:-} == 1 ]] || npm run --silent build
bash infra/up.sh >/dev/null
source infra/env.sh
exec node "$@"
