import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsRegistry, ScrapeCache } from '@ct/observability';

const TTL_MS = 5_000;

// the relay's own condition for "unsent"; ix_outbox_unsent (partial, sent_at IS NULL) keeps it to those rows
const BACKLOG_SQL = `SELECT count(*)::int AS backlog,
  COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest_age
  FROM outbox WHERE sent_at IS NULL AND dead_lettered_at IS NULL`;

interface Backlog {
  backlog: number;
  oldest_age: number;
}

/** Outbox records not yet on Kafka and how long the oldest has waited: one SQL per scrape, kept 5 s. */
@Injectable()
export class OutboxMetrics {
  constructor(@InjectDataSource() db: DataSource, registry: MetricsRegistry) {
    const cache = new ScrapeCache<Backlog>({
      name: 'outbox_backlog',
      ttlMs: TTL_MS,
      load: async () => (await db.query<Backlog[]>(BACKLOG_SQL))[0],
      failures: registry.collectFailures,
    });
    const gauge = (name: string, help: string, read: (row: Backlog) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          const row = await cache.get();
          this.reset();
          if (row) this.set(read(row));
        },
      });
    gauge(
      'ct_worker_outbox_backlog',
      'Outbox records not yet published to Kafka (nor dead-lettered)',
      (r) => r.backlog,
    );
    gauge(
      'ct_worker_outbox_oldest_unsent_age_seconds',
      'Age of the oldest unsent outbox record (0 when none waits)',
      (r) => r.oldest_age,
    );
  }
}
