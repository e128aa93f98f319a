import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { APP_ENV, type WorkerEnv } from '@ct/config';
import { CARE_EVENTS_TOPIC, careEventV1Schema, isWebhookEventKind } from '@ct/contracts';
import { KAFKA } from '@ct/kafka';
import { planDeliveries } from './plan-deliveries';
import { WebhookMetrics } from './webhook.metrics';
import { WebhookSenderService } from './webhook-sender.service';

const DISCONNECT_WAIT_MS = 2_000;

/**
 * Reads care.events.v1 in its own group (WEBHOOK_GROUP_ID) and writes the deliveries of each
 * reminder, breach and escalation; sending is the sender's, so a slow receiver never holds the
 * partition. An offset is committed once its deliveries are written (a redelivery adds none).
 * A new group starts at the end of the topic: a first deployment does not page for old events.
 */
@Injectable()
export class CareEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CareEventsConsumer.name);
  private readonly consumer: Consumer;
  private stopping = false;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(APP_ENV) private readonly env: WorkerEnv,
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: WebhookMetrics,
    private readonly sender: WebhookSenderService,
  ) {
    this.consumer = kafka.consumer({ groupId: env.WEBHOOK_GROUP_ID, allowAutoTopicCreation: false });
  }

  onApplicationBootstrap(): void {
    if (!this.env.WEBHOOKS_ENABLED) return;
    void this.start().catch((error: unknown) => {
      if (this.stopping) return; // a shutdown that came while it joined
      this.logger.error({ err: error }, 'webhook consumer could not start; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  private async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return;
      this.logger.error({ err: payload.error }, 'webhook consumer stopped for good; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topic: this.env.KAFKA_TOPIC_PREFIX + CARE_EVENTS_TOPIC,
      fromBeginning: false,
    });
    await this.consumer.run({
      partitionsConsumedConcurrently: 3,
      // a failure (PostgreSQL down) throws: kafkajs retries from the first unresolved message
      eachMessage: async ({ message }) => this.handle(message),
    });
  }

  /** The deliveries of one record; nothing for kinds no one can subscribe to. */
  async handle(message: KafkaMessage): Promise<void> {
    const parsed = careEventV1Schema.safeParse(safeJson(message.value));
    if (!parsed.success) {
      this.logger.warn({ offset: message.offset }, 'care event off contract; no webhooks for it');
      return;
    }
    const event = parsed.data;
    if (!isWebhookEventKind(event.type)) return;
    const planned = await planDeliveries(
      this.db,
      { ...event, type: event.type },
      this.env.WEBHOOK_CONSOLE_URL,
    );
    if (planned > 0) {
      this.metrics.planned.inc(planned);
      this.sender.nudge();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // leaving waits for a join in progress (another worker's rebalance), which could outlast the
    // grace period; past DISCONNECT_WAIT_MS the broker drops us at the session timeout instead, and
    // a record handled but not committed is planned again as a no-op
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISCONNECT_WAIT_MS)));
    await Promise.race([this.consumer.disconnect().catch(() => undefined), waited]);
    clearTimeout(timer);
  }
}

function safeJson(value: Buffer | null): unknown {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
