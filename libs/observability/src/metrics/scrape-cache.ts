import { Logger } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { failureReason } from '../logging/failure-reason';

export interface ScrapeCacheOptions<T> {
  /** Names the collector in logs and in ct_metrics_collect_failures_total. */
  name: string;
  /** How long one load answers every scrape (Prometheus servers, a person's curl). */
  ttlMs: number;
  load: () => Promise<T>;
  failures?: Counter<'collector'>;
  now?: () => number;
}

/**
 * A value computed at scrape time (one SQL, one Kafka admin call), kept for a few seconds so that
 * a scrape stays cheap however often it comes; scrapes while it loads share that one load. A load
 * that fails gives undefined (the gauge is left empty, not stale), logged and counted.
 */
export class ScrapeCache<T> {
  private readonly logger = new Logger(ScrapeCache.name);
  private value?: { at: number; data: T | undefined };
  private loading?: Promise<T | undefined>;

  constructor(private readonly options: ScrapeCacheOptions<T>) {}

  get(): Promise<T | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (this.value && now - this.value.at < this.options.ttlMs) return Promise.resolve(this.value.data);
    this.loading ??= this.options
      .load()
      .catch((error: unknown) => {
        this.options.failures?.inc({ collector: this.options.name });
        this.logger.warn(
          { collector: this.options.name, reason: failureReason(error) },
          'metrics collector failed',
        );
        return undefined;
      })
      .then((data) => {
        this.value = { at: now, data };
        return data;
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}
