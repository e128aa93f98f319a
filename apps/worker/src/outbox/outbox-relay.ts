import type { DataSource } from 'typeorm';
import type { KafkaPublisher } from '@ct/kafka';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  value: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes unsent outbox records in id order, a batch per transaction. FOR UPDATE SKIP LOCKED
 * lets several worker replicas relay at once without sending a record twice between them; a
 * failed publish rolls back, so the batch stays unsent and is retried (at-least-once).
 */
export class OutboxRelay {
  constructor(
    private readonly db: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly batchSize = 200,
  ) {}

  /** Relays one batch; returns how many records were published. */
  async relayOnce(): Promise<number> {
    try {
      return await this.db.transaction(async (tx) => {
        const rows: OutboxRow[] = await tx.query(
          `SELECT id, topic, key, value, headers FROM outbox WHERE sent_at IS NULL
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.batchSize],
        );
        if (rows.length === 0) return 0;
        await this.publisher.publish(
          rows.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })),
        );
        await tx.query(
          `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
          [rows.map((r) => r.id)],
        );
        return rows.length;
      });
    } catch (error) {
      await this.db
        .query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2
           WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1)`,
          [this.batchSize, String(error).slice(0, 500)],
        )
        .catch(() => undefined);
      throw error;
    }
  }
}
