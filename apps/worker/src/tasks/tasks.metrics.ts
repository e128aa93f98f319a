import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { codeLabel, MetricsRegistry } from '@ct/observability';
import type { TimelineEntry } from '@ct/workflows/care-transition.activities';
import type { TimelineRef } from './timeline.writer';

const ESCALATION = 'escalation.';

/** Activity latency and failures by activity name; escalations the timeline recorded. Codes only. */
@Injectable()
export class TasksMetrics {
  private readonly duration: Histogram<'activity' | 'outcome'>;
  private readonly failures: Counter<'activity' | 'kind'>;
  private readonly escalations: Counter<'action' | 'facility' | 'pathway' | 'step'>;

  constructor(registry: MetricsRegistry) {
    const registers = [registry];
    this.duration = new Histogram({
      name: 'ct_worker_activity_duration_seconds',
      help: 'Activity run time (one PostgreSQL transaction each), by activity and outcome (ok, failed)',
      labelNames: ['activity', 'outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.failures = new Counter({
      name: 'ct_worker_activity_failures_total',
      help: 'Failed activity attempts, by activity and kind (bad-data: not retried; error: retried by Temporal)',
      labelNames: ['activity', 'kind'],
      registers,
    });
    this.escalations = new Counter({
      name: 'ct_worker_escalations_total',
      help: 'Escalation rungs written to timelines (escalation.*), by action, facility, pathway and step',
      labelNames: ['action', 'facility', 'pathway', 'step'],
      registers,
    });
  }

  /** Starts one activity's clock; call the result with how it ended. */
  start(activity: string): (failure?: 'bad-data' | 'error') => void {
    const stop = this.duration.startTimer({ activity });
    return (failure) => {
      stop({ outcome: failure ? 'failed' : 'ok' });
      if (failure) this.failures.inc({ activity, kind: failure });
    };
  }

  /** Timeline entries a committed transaction wrote anew (a retried activity's are not counted twice). */
  written(ref: TimelineRef, entries: readonly TimelineEntry[]): void {
    for (const { kind, stepKey } of entries) {
      if (!kind.startsWith(ESCALATION)) continue;
      this.escalations.inc({
        action: codeLabel(kind.slice(ESCALATION.length)),
        facility: codeLabel(ref.facility),
        pathway: codeLabel(ref.pathway),
        step: codeLabel(stepKey),
      });
    }
  }
}
