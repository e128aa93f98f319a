import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { KafkaMessage } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import {
  HEADER_CORRELATION_ID,
  REFERRAL_EVENTS_TOPIC,
  adtEventV1Schema,
  referralEventV1Schema,
  type AdtEventV1,
  type ReferralEventV1,
} from '@ct/contracts';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { HandleAdtEventCommand } from '../transitions/handle-adt-event/handle-adt-event.command';
import { HandleReferralEventCommand } from '../transitions/handle-referral-event/handle-referral-event.command';
import { failureKind } from './failure-kind';
import { RecordMetrics } from './record.metrics';
import { withBoundedRetries } from './with-bounded-retries';

export type RecordOutcome = 'handled' | 'dead-lettered';

export interface SourceRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return value === undefined ? undefined : value.toString();
}

/**
 * One record from adt.events.v1 or referral.events.v1, from the consumer or a replay: checked
 * against its contract, handled with bounded retries, or kept as a dead letter with the reason.
 * Throws only for an outage (the record is fine: it is retried, not dead-lettered).
 */
@Injectable()
export class RecordHandler {
  private readonly logger = new Logger(RecordHandler.name);

  constructor(
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    private readonly commands: CommandBus,
    private readonly deadLetters: DeadLetterStore,
    private readonly pino: PinoLogger,
    private readonly metrics: RecordMetrics,
  ) {}

  handle(record: SourceRecord): Promise<RecordOutcome> {
    const correlationId = header(record.message, HEADER_CORRELATION_ID) ?? randomUUID();
    return this.pino.runInContext(() => this.handleCounted(record), { bindings: { correlationId } });
  }

  private async handleCounted(record: SourceRecord): Promise<RecordOutcome> {
    try {
      return await this.handleRecord(record);
    } catch (error) {
      this.metrics.handled(record.topic, 'retried'); // an outage: the broker redelivers it
      throw error;
    }
  }

  private async handleRecord(record: SourceRecord): Promise<RecordOutcome> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(record.message.value?.toString() ?? '');
    } catch {
      return this.deadLetter(record, 'BAD_JSON', 'value is not JSON', 1);
    }
    const referral = record.topic === this.env.KAFKA_TOPIC_PREFIX + REFERRAL_EVENTS_TOPIC;
    const result = (referral ? referralEventV1Schema : adtEventV1Schema).safeParse(parsed);
    if (!result.success) {
      const reason = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return this.deadLetter(record, 'CONTRACT_VIOLATION', reason, 1);
    }
    const event = result.data;
    const outcome = await withBoundedRetries(() => this.execute(event), {
      maxAttempts: this.env.ORCHESTRATOR_MAX_ATTEMPTS,
      baseDelayMs: this.env.ORCHESTRATOR_RETRY_BASE_MS,
      kindOf: failureKind,
      onRetry: () => this.metrics.retried(record.topic),
    });
    if (!outcome.ok) {
      const code = outcome.kind === 'bad-data' ? 'BAD_DATA' : 'RETRIES_EXHAUSTED';
      return this.deadLetter(record, code, outcome.reason, outcome.attempts, event.eventId);
    }
    this.logger.debug({ eventId: event.eventId, type: event.type, outcome: outcome.value }, 'event handled');
    this.metrics.handled(record.topic, outcome.value);
    return 'handled';
  }

  private execute(event: AdtEventV1 | ReferralEventV1) {
    return event.schema === 'referral.event.v1'
      ? this.commands.execute(new HandleReferralEventCommand(event))
      : this.commands.execute(new HandleAdtEventCommand(event));
  }

  private async deadLetter(
    record: SourceRecord,
    code: string,
    reason: string,
    attempts: number,
    eventId?: string,
  ): Promise<RecordOutcome> {
    await this.deadLetters.add({ ...record, code, reason, attempts, eventId });
    this.metrics.deadLettered(record.topic, code);
    this.metrics.handled(record.topic, 'dead-lettered');
    return 'dead-lettered';
  }
}
