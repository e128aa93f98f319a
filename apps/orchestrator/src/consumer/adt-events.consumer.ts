import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import {
  ADT_DLQ_TOPIC,
  ADT_EVENTS_TOPIC,
  REFERRAL_EVENTS_TOPIC,
  HEADER_CORRELATION_ID,
  adtEventV1Schema,
  referralEventV1Schema,
  type AdtDlqRecordV1,
} from '@ct/contracts';
import { KAFKA, KafkaPublisher } from '@ct/kafka';
import { HandleReferralEventCommand } from '../transitions/handle-referral-event/handle-referral-event.command';
import { HandleAdtEventCommand } from '../transitions/handle-adt-event/handle-adt-event.command';
import { runByKey } from './run-by-key';

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return value === undefined ? undefined : value.toString();
}

/**
 * Reads adt.events.v1 and referral.events.v1 in a consumer group; an offset is committed only after its command
 * succeeded, so a crash replays the event (the workflow dedupes it by event id). A record that
 * can never succeed (bad contract) goes to adt.dlq.v1 with the reason, then is committed.
 */
@Injectable()
export class AdtEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AdtEventsConsumer.name);
  private readonly consumer: Consumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    private readonly commands: CommandBus,
    private readonly publisher: KafkaPublisher,
    private readonly pino: PinoLogger,
  ) {
    this.consumer = kafka.consumer({ groupId: env.ORCHESTRATOR_GROUP_ID, allowAutoTopicCreation: false });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.connect();
    const prefix = this.env.KAFKA_TOPIC_PREFIX;
    await this.consumer.subscribe({
      topics: [prefix + ADT_EVENTS_TOPIC, prefix + REFERRAL_EVENTS_TOPIC],
      fromBeginning: true,
    });
    await this.consumer.run({
      // offsets are resolved below: only the unbroken run of handled messages from a batch's start
      eachBatchAutoResolve: false,
      // partitions are sets of patients: in order within a patient, many patients at once
      partitionsConsumedConcurrently: 6,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
        const { topic, partition } = batch;
        const result = await runByKey(
          batch.messages,
          (message) => this.handleInContext(topic, partition, message),
          this.env.ORCHESTRATOR_KEY_CONCURRENCY,
        );
        if (result.doneThrough !== undefined) resolveOffset(result.doneThrough);
        await commitOffsetsIfNecessary();
        await heartbeat();
        // kafkajs retries from the first unhandled message, with backoff
        if (result.error !== undefined) throw result.error;
      },
    });
  }

  private handleInContext(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const correlationId = header(message, HEADER_CORRELATION_ID) ?? randomUUID();
    return this.pino.runInContext(() => this.handle(topic, partition, message), {
      bindings: { correlationId },
    });
  }

  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const raw = message.value?.toString() ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.deadLetter(topic, partition, message, 'BAD_JSON', 'value is not JSON');
    }
    const referral = topic === this.env.KAFKA_TOPIC_PREFIX + REFERRAL_EVENTS_TOPIC;
    const result = (referral ? referralEventV1Schema : adtEventV1Schema).safeParse(parsed);
    if (!result.success) {
      const reason = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return this.deadLetter(topic, partition, message, 'CONTRACT_VIOLATION', reason);
    }
    const event = result.data;
    const outcome =
      event.schema === 'referral.event.v1'
        ? await this.commands.execute(new HandleReferralEventCommand(event))
        : await this.commands.execute(new HandleAdtEventCommand(event));
    this.logger.debug({ eventId: event.eventId, type: event.type, outcome }, 'event handled');
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    code: string,
    reason: string,
  ) {
    const record: AdtDlqRecordV1 = {
      schema: 'adt.dlq.v1',
      stage: 'orchestrator',
      code,
      reason,
      failedAt: new Date().toISOString(),
      origin: { topic, partition, offset: message.offset },
      value: message.value?.toString(),
    };
    await this.publisher.publish({
      topic: ADT_DLQ_TOPIC,
      key: message.key?.toString() ?? 'unknown',
      value: record,
    });
    this.logger.warn({ topic, partition, offset: message.offset, code }, 'event dead-lettered');
  }

  async onApplicationShutdown(): Promise<void> {
    // disconnect() waits for the message in hand, then leaves the group so partitions move at once
    await this.consumer.disconnect();
  }
}
