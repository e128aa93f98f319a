import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from '@ct/observability';

/** Outbound webhooks, no subscription or facility labels: a hospital may have many receivers. */
@Injectable()
export class WebhookMetrics {
  readonly planned: Counter;
  readonly deliveries: Counter<'outcome'>;
  readonly retries: Counter;
  readonly deadLetters: Counter;
  readonly latency: Histogram;
  readonly attemptDuration: Histogram<'outcome'>;

  constructor(registry: MetricsRegistry) {
    const registers = [registry];
    this.planned = new Counter({
      name: 'ct_worker_webhook_deliveries_planned_total',
      help: 'Deliveries written for care events (one per event and matching subscription)',
      registers,
    });
    this.deliveries = new Counter({
      name: 'ct_worker_webhook_deliveries_total',
      help: 'Deliveries that ended, by outcome: delivered (a 2xx) or dead-lettered (tries used up)',
      labelNames: ['outcome'],
      registers,
    });
    this.retries = new Counter({
      name: 'ct_worker_webhook_retries_total',
      help: 'Failed tries that will be tried again after a backoff',
      registers,
    });
    this.deadLetters = new Counter({
      name: 'ct_worker_webhook_dead_letters_total',
      help: 'Deliveries that became dead letters (stage webhook)',
      registers,
    });
    this.latency = new Histogram({
      name: 'ct_worker_webhook_delivery_latency_seconds',
      help: 'From the delivery being planned to its receiver accepting it, retries included',
      buckets: [0.1, 0.5, 1, 5, 30, 120, 600, 1800, 3600],
      registers,
    });
    this.attemptDuration = new Histogram({
      name: 'ct_worker_webhook_attempt_duration_seconds',
      help: 'One try: request to answer (or timeout), by outcome (ok, http-error, network, timeout)',
      labelNames: ['outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }
}
