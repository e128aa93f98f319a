import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { codeLabel, MetricsRegistry, ScrapeCache, setGaugeRows } from '@ct/observability';

const TTL_MS = 5_000;

/** Open and claimed tasks grouped by codes only, from their own columns (the worker copies the pathway). */
export const OPEN_STEPS_SQL = `SELECT t.facility, t.pathway, t.step_key AS step,
  t.status, (t.breached_at IS NOT NULL) AS breached, count(*)::int AS count
  FROM tasks t
  WHERE t.status IN ('open', 'claimed')
  GROUP BY 1, 2, 3, 4, 5`;

export interface OpenStepsRow {
  facility: string;
  pathway: string;
  step: string;
  status: string;
  breached: boolean;
  count: number;
}

type Label = 'facility' | 'pathway' | 'step' | 'status' | 'breached';

/** The gauge's series for these rows; a patient or transition id never becomes a label. */
export function openStepsSeries(rows: readonly OpenStepsRow[]) {
  return rows.map((row) => ({
    labels: {
      facility: codeLabel(row.facility),
      pathway: codeLabel(row.pathway),
      step: codeLabel(row.step),
      status: codeLabel(row.status),
      breached: String(row.breached),
    } satisfies Record<Label, string>,
    value: row.count,
  }));
}

/** Steps still to do (tasks open or claimed), from the read model at scrape time: one SQL, kept 5 s. */
@Injectable()
export class OpenStepsMetrics {
  constructor(@InjectDataSource() db: DataSource, registry: MetricsRegistry) {
    const cache = new ScrapeCache<OpenStepsRow[]>({
      name: 'open_steps',
      ttlMs: TTL_MS,
      load: () => db.query(OPEN_STEPS_SQL),
      failures: registry.collectFailures,
    });
    new Gauge<Label>({
      name: 'ct_api_open_steps',
      help: 'Tasks open or claimed, by facility, pathway, step, status and whether the step breached its due time',
      labelNames: ['facility', 'pathway', 'step', 'status', 'breached'],
      registers: [registry],
      async collect() {
        const rows = await cache.get();
        setGaugeRows(this, rows && openStepsSeries(rows));
      },
    });
  }
}
