// Checks of infra/monitoring that need no Prometheus (run by scripts/check-monitoring.sh):
// - the Grafana dashboard JSON parses, its panels have unique ids, use the provisioned datasource
//   and each query names at least one metric;
// - every metric named in the dashboard, the alert rules and their unit tests is one that
//   docs/metrics.md documents (or `up`), so a renamed metric cannot leave a silent panel or alert.
// Metric names are recognised by their families (ct_, temporal_, process_, nodejs_); histogram
// series (_bucket, _sum, _count) count as their histogram. Plain node, no packages.
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const DASHBOARD = 'infra/monitoring/grafana/dashboards/care-transitions.json';
const DATASOURCES = 'infra/monitoring/grafana/provisioning/datasources/prometheus.yml';
const RULES = ['infra/monitoring/prometheus/alerts.yml', 'infra/monitoring/prometheus/alerts.test.yml'];

const documented = new Set(
  [...read('docs/metrics.md').matchAll(/`((?:ct|temporal)_[a-z0-9_]+)`/g)].map((m) => m[1]),
);
const families = ['process_', 'nodejs_']; // prom-client's default metrics, documented as families
const metricToken = /\b(?:ct|temporal|process|nodejs)_[a-zA-Z0-9_]*[a-zA-Z0-9]|\bup\b/g;

const known = (name) =>
  name === 'up' ||
  documented.has(name) ||
  documented.has(name.replace(/_(bucket|sum|count)$/, '')) ||
  families.some((f) => name.startsWith(f));
// label values ("…") and $__variables are not metric names
const metricsIn = (text) => text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(metricToken) ?? [];

const problems = [];
let dashboard;
try {
  dashboard = JSON.parse(read(DASHBOARD));
} catch (error) {
  console.error(`${DASHBOARD}: not valid JSON: ${error.message}`);
  process.exit(1);
}
const uid = /^\s*uid:\s*(\S+)/m.exec(read(DATASOURCES))?.[1];
const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
const ids = new Set();
let queries = 0;
for (const panel of panels) {
  const where = `${DASHBOARD}: panel ${panel.id} "${panel.title}"`;
  if (ids.has(panel.id)) problems.push(`${where}: duplicate id`);
  ids.add(panel.id);
  if (panel.type === 'row') continue;
  if (panel.datasource?.uid !== uid)
    problems.push(`${where}: datasource uid is not the provisioned "${uid}"`);
  if (!panel.targets?.length) problems.push(`${where}: no query`);
  for (const target of panel.targets ?? []) {
    queries += 1;
    const names = metricsIn(target.expr ?? '');
    if (!names.length) problems.push(`${where}: query ${target.refId} names no metric: ${target.expr}`);
    for (const name of names) if (!known(name)) problems.push(`${where}: ${name} is not in docs/metrics.md`);
  }
}
for (const file of RULES) {
  read(file)
    .split('\n')
    .forEach((line, i) => {
      const code = line.replace(/(^|\s)#.*$/, ''); // YAML comments
      for (const name of metricsIn(code))
        if (!known(name)) problems.push(`${file}:${i + 1}: ${name} is not in docs/metrics.md`);
    });
}
if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(
  `dashboard: ${panels.length} panels, ${queries} queries; every metric named there and in the rules is in docs/metrics.md`,
);
