import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { Gauge } from 'prom-client';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import { ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC } from '@ct/contracts';
import { KAFKA, partitionLag, type PartitionLag } from '@ct/kafka';
import { MetricsRegistry, ScrapeCache, setGaugeRows } from '@ct/observability';

const TTL_MS = 5_000;

/**
 * The consumer group's lag on each partition it reads, asked of the Kafka admin when Prometheus
 * scrapes (one admin client, kept connected; the answer kept 5 s, so a scrape stays cheap).
 */
@Injectable()
export class ConsumerLagMetrics implements OnApplicationShutdown {
  private admin?: Promise<Admin>;
  private readonly lag: ScrapeCache<PartitionLag[]>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    registry: MetricsRegistry,
  ) {
    const prefix = env.KAFKA_TOPIC_PREFIX;
    const topics = [prefix + ADT_EVENTS_TOPIC, prefix + REFERRAL_EVENTS_TOPIC];
    this.lag = new ScrapeCache({
      name: 'consumer_lag',
      ttlMs: TTL_MS,
      load: () => this.load(topics),
      failures: registry.collectFailures,
    });
    const cache = this.lag;
    new Gauge({
      name: 'ct_orchestrator_consumer_lag',
      help: "Records after the consumer group's committed offset, per topic and partition (asked at scrape time)",
      labelNames: ['topic', 'partition'],
      registers: [registry],
      async collect() {
        const rows = (await cache.get())?.map(({ topic, partition, lag }) => ({
          labels: { topic: topic.slice(prefix.length), partition: String(partition) },
          value: lag,
        }));
        setGaugeRows(this, rows);
      },
    });
  }

  private async load(topics: string[]): Promise<PartitionLag[]> {
    this.admin ??= this.connect();
    try {
      return await partitionLag(await this.admin, this.env.ORCHESTRATOR_GROUP_ID, topics);
    } catch (error) {
      // a broken connection is made anew at the next scrape
      const admin = this.admin;
      this.admin = undefined;
      await admin?.then((a) => a.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  private async connect(): Promise<Admin> {
    const admin = this.kafka.admin();
    await admin.connect();
    return admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.then((admin) => admin.disconnect()).catch(() => undefined);
  }
}
