#!/usr/bin/env bash
# `npm run bench:smoke`: every bench with tiny parameters, so none rots. Fails if a bench fails or
# prints none of its figures. A few seconds per bench; figures this short are not for comparing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
[[ ${BENCH_BUILT:-} == 1 ]] || npm run --silent build
export BENCH_BUILT=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=()

# usage: smoke NAME PATTERN... -- COMMAND...   each PATTERN: a line of figures the bench must print
smoke() {
  local name=$1 patterns=() pattern started=$SECONDS rc=0
  shift
  while [[ $1 != -- ]]; do patterns+=("$1") && shift; done
  shift
  printf '\n--> %s\n' "$name"
  timeout -k 10 240 "$@" 2>&1 | tee "$out/$name" || rc=$?
  if ((rc == 124)); then
    failed+=("$name (still running after 240 s, stopped)")
  elif ((rc != 0)); then
    failed+=("$name (exit $rc; its output is above)")
  else
    for pattern in "${patterns[@]}"; do
      grep -Eq "$pattern" "$out/$name" || failed+=("$name (no line matching $pattern)")
    done
  fi
  printf -- '<-- %s: %ss\n' "$name" $((SECONDS - started))
}

smoke bench:parse '^\| ours: parseHl7 \+ extractAdt .*\| [0-9,]+ \|' -- \
  env BENCH_SIZE=300 BENCH_ROUNDS=1 npm run --silent bench:parse
# the open-loop row: some messages ACKed, no NAKs
smoke bench:mllp '^\| gateway at a steady .*\| [1-9][0-9]* \| [0-9]+ \| [0-9.]+ \| [0-9.]+ \| 0 \|$' -- \
  env BENCH_SECONDS=1 npm run --silent bench:mllp
smoke bench:transitions '"firstTasks":[1-9]' '"label":"peer: bare Temporal.*"started":[1-9]' -- \
  npm run --silent bench:transitions -- 5 2
# every ops call answered (the table's first row has figures); a missed goal is not a failure
smoke bench:console '^\| ops summary \| [1-9][0-9]* \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \|' \
  '^\| peer: summary SQL through pg \| [1-9]' -- \
  env BENCH_SMOKE=1 npm run --silent bench:console
smoke bench:worklist '^\| pool \(my roles, due first\) \| [1-9][0-9]* \| [0-9.]+ \|' '^\| peer: SELECT 1 through pg \| [1-9]' -- \
  env BENCH_SMOKE=1 npm run --silent bench:worklist
smoke bench:temporal '"serverCpuMsPerStart":' '"started":[1-9]' -- \
  env BENCH_SERVERS=dev npm run --silent bench:temporal -- 5 2

if ((${#failed[@]})); then
  printf 'bench:smoke FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "bench:smoke: 6 benches ran and printed figures (${SECONDS}s)"
