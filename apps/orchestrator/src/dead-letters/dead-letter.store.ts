import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';

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

const text = (value: Buffer | string | null | undefined) =>
  value === null || value === undefined ? null : value.toString().replaceAll('\u0000', '\u2400');

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
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, value]) => [name, text(value as Buffer) ?? '']),
    );
    await this.db.query(
      `INSERT INTO dead_letters (stage, code, reason, topic, partition, source_ref, key, value, headers, event_id, attempts)
       VALUES ('orchestrator', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (stage, source_ref) DO UPDATE SET code = EXCLUDED.code, reason = EXCLUDED.reason,
         attempts = dead_letters.attempts + EXCLUDED.attempts, updated_at = now(),
         status = CASE WHEN dead_letters.status = 'discarded' THEN 'discarded' ELSE 'open' END`,
      [
        input.code,
        input.reason.slice(0, 2_000),
        topic,
        partition,
        `${topic}/${partition}/${message.offset}`,
        text(message.key),
        text(message.value),
        JSON.stringify(headers),
        input.eventId ?? null,
        input.attempts,
      ],
    );
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
    await this.db.query(
      `INSERT INTO dead_letter_actions (dead_letter_id, action, actor) VALUES ($1, 'replayed', 'orchestrator')`,
      [id],
    );
  }
}
