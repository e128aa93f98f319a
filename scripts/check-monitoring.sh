#!/usr/bin/env bash
# Checks infra/monitoring (docs/monitoring.md): Prometheus config, alert rules and their unit tests
# with promtool (Debian's `prometheus` package, installed with apt-get when missing and we are root;
# otherwise those checks are skipped, saying so), then the Grafana dashboard and the metric names
# (scripts/check-monitoring.mjs). A few seconds; run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PROM=infra/monitoring/prometheus

if ! command -v promtool >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "check-monitoring: promtool missing, installing Debian's prometheus package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
  apt_install || { apt-get update -qq >/dev/null && apt_install; } \
    || echo "check-monitoring: apt-get install prometheus failed" >&2
fi

if command -v promtool >/dev/null; then
  promtool --version 2>&1 | head -n 1
  promtool check config "$PROM/prometheus.yml" # also checks the rule files it loads
  promtool check rules "$PROM/alerts.yml"
  (cd "$PROM" && promtool test rules alerts.test.yml)
else
  echo "check-monitoring: SKIPPED promtool checks (promtool not found, and apt-get unusable: not root or no apt-get)"
fi

node scripts/check-monitoring.mjs
