import type { DataSource } from 'typeorm';
import { MetricsRegistry } from '@ct/observability';
import { OPEN_STEPS_SQL, OpenStepsMetrics, type OpenStepsRow } from './open-steps.metrics';

const rows: OpenStepsRow[] = [
  {
    facility: 'RIVERSIDE',
    pathway: 'tcm-discharge-home',
    step: 'tcm-contact',
    status: 'open',
    breached: false,
    count: 3,
  },
  {
    facility: 'RIVERSIDE',
    pathway: 'tcm-discharge-home',
    step: 'tcm-contact',
    status: 'claimed',
    breached: true,
    count: 1,
  },
];

function setUp(query: jest.Mock) {
  const registry = new MetricsRegistry();
  new OpenStepsMetrics({ query } as unknown as DataSource, registry);
  return registry;
}

describe('OpenStepsMetrics', () => {
  it('exposes one series per group of open steps, from one grouped SQL kept between scrapes', async () => {
    const query = jest.fn().mockResolvedValue(rows);
    const registry = setUp(query);
    const scrape = await registry.metrics();
    await registry.metrics();
    expect(query).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith(OPEN_STEPS_SQL);
    expect(scrape).toContain(
      'ct_api_open_steps{facility="RIVERSIDE",pathway="tcm-discharge-home",step="tcm-contact",status="open",breached="false"} 3',
    );
    expect(scrape).toContain('status="claimed",breached="true"} 1');
  });

  it('leaves the gauge empty and counts the failure when the SQL fails, and the scrape still answers', async () => {
    const registry = setUp(jest.fn().mockRejectedValue(new Error('Connection terminated')));
    expect(await registry.metrics()).not.toMatch(/^ct_api_open_steps\{/m);
    // counters are read alongside the gauge's collect: the failure shows from the next scrape on
    expect(await registry.metrics()).toContain('ct_metrics_collect_failures_total{collector="open_steps"} 1');
  });

  it('groups by codes only: the SQL selects no patient key, transition id or assignee', () => {
    expect(OPEN_STEPS_SQL).not.toMatch(/patient_key|transition_id AS|assignee|\bt\.id\b/);
  });
});
