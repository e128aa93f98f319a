import type { DeadLetterStage } from './entities/dead-letter.entity';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** PostgreSQL refuses NUL in text: kept as U+2400 (the visible symbol for NUL) instead. */
export function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\u2400') : text;
}

export interface DeadLetterRecord {
  stage: DeadLetterStage;
  code: string;
  reason: string;
  topic: string;
  partition?: number;
  /** `<topic>/<partition>/<offset>` of a Kafka record, `outbox/<id>` of an outbox row. */
  sourceRef: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  eventId?: string;
  attempts: number;
}

/**
 * Keeps a record a stage gave up on. The same record failing again (a redelivery, a replay)
 * updates its one row and opens it again, unless ops discarded it.
 */
export async function recordDeadLetter(db: Queryable, letter: DeadLetterRecord): Promise<void> {
  const text = (value: string | null) => (value === null ? null : storable(value));
  await db.query(
    `INSERT INTO dead_letters (stage, code, reason, topic, partition, source_ref, key, value, headers, event_id, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (stage, source_ref) DO UPDATE SET code = EXCLUDED.code, reason = EXCLUDED.reason,
       attempts = dead_letters.attempts + EXCLUDED.attempts, updated_at = now(),
       status = CASE WHEN dead_letters.status = 'discarded' THEN 'discarded' ELSE 'open' END`,
    [
      letter.stage,
      letter.code,
      storable(letter.reason).slice(0, 2_000),
      letter.topic,
      letter.partition ?? null,
      letter.sourceRef,
      text(letter.key),
      text(letter.value),
      JSON.stringify(Object.fromEntries(Object.entries(letter.headers).map(([k, v]) => [k, storable(v)]))),
      letter.eventId ?? null,
      letter.attempts,
    ],
  );
}

/** Who did what with a dead letter, and why. */
export async function recordDeadLetterAction(
  db: Queryable,
  deadLetterId: string,
  action: 'replay' | 'discard' | 'replayed',
  actor: string,
  note: string | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO dead_letter_actions (dead_letter_id, action, actor, note) VALUES ($1, $2, $3, $4)`,
    [deadLetterId, action, actor, note],
  );
}
