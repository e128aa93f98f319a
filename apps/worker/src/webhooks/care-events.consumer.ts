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
  private running?: Promise<void>;

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
    this.running = this.start().catch((error: unknown) => {
      this.logger.error({ err: error }, 'webhook consumer could not start; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  private async start(): Promise<void> {
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
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
    await this.consumer.disconnect();
    await this.running;
  }
}

function safeJson(value: Buffer | null): unknown {
  try {
    return value ? (JSON.parse(value.toString('utf8')) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
