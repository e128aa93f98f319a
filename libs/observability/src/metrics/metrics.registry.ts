import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/**
 * The app's own Prometheus registry (not prom-client's global one): tests and benches run several
 * apps in one process, and each must register its metrics once and show only its own. Holds the
 * process default metrics (CPU, memory, event loop lag, GC, handles) from the start.
 */
@Injectable()
export class MetricsRegistry extends Registry {
  /** A scrape-time collector that failed: its series are left out of that scrape. */
  readonly collectFailures = new Counter({
    name: 'ct_metrics_collect_failures_total',
    help: 'Scrape-time collectors (a SQL, a Kafka admin call) that failed; their gauges were left empty',
    labelNames: ['collector'],
    registers: [this],
  });

  constructor() {
    super();
    collectDefaultMetrics({ register: this });
  }
}
