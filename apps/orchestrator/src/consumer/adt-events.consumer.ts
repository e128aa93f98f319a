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
  ADT_EVENTS_TOPIC,
  REFERRAL_EVENTS_TOPIC,
  HEADER_CORRELATION_ID,
  adtEventV1Schema,
  referralEventV1Schema,
  type AdtEventV1,
  type ReferralEventV1,
} from '@ct/contracts';
import { KAFKA } from '@ct/kafka';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { HandleReferralEventCommand } from '../transitions/handle-referral-event/handle-referral-event.command';
import { HandleAdtEventCommand } from '../transitions/handle-adt-event/handle-adt-event.command';
import { failureKind } from './failure-kind';
import { runByKey } from './run-by-key';
import { withBoundedRetries } from './with-bounded-retries';

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return value === undefined ? undefined : value.toString();
}

/**
 * Reads adt.events.v1 and referral.events.v1 in a consumer group; an offset is committed only after
 * its command succeeded or it was dead-lettered, so a crash replays the event (the workflow dedupes
 * it by event id). A record that can never succeed (bad contract, bad data) or that still fails
 * after ORCHESTRATOR_MAX_ATTEMPTS becomes a dead letter in PostgreSQL with the reason, and the
 * partition goes on. Only an outage (Temporal or PostgreSQL unreachable) holds a partition: the
 * record is fine and waits, retried by kafkajs with backoff.
 */
@Injectable()
export class AdtEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AdtEventsConsumer.name);
  private readonly consumer: Consumer;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    private readonly commands: CommandBus,
    private readonly deadLetters: DeadLetterStore,
    private readonly pino: PinoLogger,
  ) {
    this.consumer = kafka.consumer({ groupId: env.ORCHESTRATOR_GROUP_ID, allowAutoTopicCreation: false });
  }

  async onApplicationBootstrap(): Promise<void> {
    // kafkajs gives up on a consumer after a non-retriable error: exit so the supervisor restarts us
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.logger.error({ err: payload.error }, 'consumer stopped for good; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
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
    const at = { topic, partition, message };
    const raw = message.value?.toString() ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.deadLetters.add({ ...at, code: 'BAD_JSON', reason: 'value is not JSON', attempts: 1 });
    }
    const referral = topic === this.env.KAFKA_TOPIC_PREFIX + REFERRAL_EVENTS_TOPIC;
    const result = (referral ? referralEventV1Schema : adtEventV1Schema).safeParse(parsed);
    if (!result.success) {
      const reason = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return this.deadLetters.add({ ...at, code: 'CONTRACT_VIOLATION', reason, attempts: 1 });
    }
    const event = result.data;
    const outcome = await withBoundedRetries(() => this.execute(event), {
      maxAttempts: this.env.ORCHESTRATOR_MAX_ATTEMPTS,
      baseDelayMs: this.env.ORCHESTRATOR_RETRY_BASE_MS,
      kindOf: failureKind,
    });
    if (outcome.ok) {
      this.logger.debug(
        { eventId: event.eventId, type: event.type, outcome: outcome.value },
        'event handled',
      );
      return;
    }
    const code = outcome.kind === 'bad-data' ? 'BAD_DATA' : 'RETRIES_EXHAUSTED';
    await this.deadLetters.add({
      ...at,
      code,
      reason: outcome.reason,
      attempts: outcome.attempts,
      eventId: event.eventId,
    });
  }

  private execute(event: AdtEventV1 | ReferralEventV1) {
    return event.schema === 'referral.event.v1'
      ? this.commands.execute(new HandleReferralEventCommand(event))
      : this.commands.execute(new HandleAdtEventCommand(event));
  }

  async onApplicationShutdown(): Promise<void> {
    // disconnect() waits for the message in hand, then leaves the group so partitions move at once
    await this.consumer.disconnect();
  }
}
