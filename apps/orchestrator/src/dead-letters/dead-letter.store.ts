import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { recordDeadLetter, recordDeadLetterAction } from '@ct/persistence';

export interface ReplayRow {
  id: string;
  topic: string;
  partition: number;
  source_ref: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface DeadLetterInput {
  topic: string;
  partition: number;
  message: KafkaMessage;
  code: string;
  reason: string;
  attempts: number;
  eventId?: string;
}

/**
 * Keeps a record the orchestrator gave up on, in PostgreSQL where ops list, replay or discard it.
 * The same record failing again after a redelivery or a replay updates its one row.
 */
@Injectable()
export class DeadLetterStore {
  private readonly logger = new Logger(DeadLetterStore.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async add(input: DeadLetterInput): Promise<void> {
    const { topic, partition, message } = input;
    const text = (value: Buffer | string | null | undefined) => (value == null ? null : value.toString());
    const headers = Object.entries(message.headers ?? {}).map(([name, value]): [string, string] => [
      name,
      text(value as Buffer) ?? '',
    ]);
    await recordDeadLetter(this.db, {
      stage: 'orchestrator',
      code: input.code,
      reason: input.reason,
      topic,
      partition,
      sourceRef: `${topic}/${partition}/${message.offset}`,
      key: text(message.key),
      value: text(message.value),
      headers: Object.fromEntries(headers),
      eventId: input.eventId,
      attempts: input.attempts,
    });
    this.logger.warn(
      { topic, partition, offset: message.offset, code: input.code, attempts: input.attempts },
      'event dead-lettered',
    );
  }

  /**
   * Takes the replays ops asked for (status replay-requested → replaying). A replay left in
   * 'replaying' by a crash for over 5 minutes is taken again; handlers are idempotent.
   */
  async claimReplays(limit: number): Promise<ReplayRow[]> {
    const [rows]: [ReplayRow[], number] = await this.db.query(
      `UPDATE dead_letters SET status = 'replaying', updated_at = now()
       WHERE id IN (
         SELECT id FROM dead_letters
         WHERE stage = 'orchestrator' AND (status = 'replay-requested'
           OR (status = 'replaying' AND updated_at < now() - interval '5 minutes'))
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, topic, partition, source_ref, key, value, headers`,
      [limit],
    );
    return rows;
  }

  /** A replay that went through; one that failed again was set back to open by add(). */
  async markReplayed(id: string): Promise<void> {
    await this.db.query(
      `UPDATE dead_letters SET status = 'replayed', updated_at = now() WHERE id = $1 AND status = 'replaying'`,
      [id],
    );
    await recordDeadLetterAction(this.db, id, 'replayed', 'orchestrator');
  }
}
