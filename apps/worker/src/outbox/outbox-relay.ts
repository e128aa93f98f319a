import type { DataSource, EntityManager } from 'typeorm';
import type { KafkaPublisher } from '@ct/kafka';
import { failureReason } from '@ct/observability';
import { recordDeadLetter } from '@ct/persistence';
import { isTransientPublishError } from './publish-errors';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  value: unknown;
  headers: Record<string, string>;
}

const UNSENT = `sent_at IS NULL AND dead_lettered_at IS NULL`;

/**
 * Publishes unsent outbox records in id order, a batch per transaction. FOR UPDATE SKIP LOCKED
 * lets several worker replicas relay at once without sending a record twice between them; a
 * failed publish rolls back, so the batch stays unsent and is retried (at-least-once). When Kafka
 * refuses a batch for a reason other than an outage, its records are sent one by one and the one
 * Kafka refuses becomes a dead letter, so it cannot hold back the records behind it.
 */
export class OutboxRelay {
  constructor(
    private readonly db: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly batchSize = 200,
  ) {}

  /** Relays one batch; returns how many records were published or dead-lettered. */
  async relayOnce(): Promise<number> {
    try {
      return await this.db.transaction(async (tx) => {
        const rows = await this.take(tx, this.batchSize);
        if (rows.length === 0) return 0;
        await this.publisher.publish(
          rows.map(({ topic, key, value, headers }) => ({ topic, key, value, headers })),
        );
        await this.markSent(tx, rows);
        return rows.length;
      });
    } catch (error) {
      await this.db
        .query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2
           WHERE id IN (SELECT id FROM outbox WHERE ${UNSENT} ORDER BY id LIMIT $1)`,
          [this.batchSize, failureReason(error)],
        )
        .catch(() => undefined);
      if (isTransientPublishError(error)) throw error;
      return this.relayOneByOne(this.batchSize);
    }
  }

  private async relayOneByOne(count: number): Promise<number> {
    let done = 0;
    for (; done < count; done += 1) {
      const handled = await this.db.transaction(async (tx) => {
        const [row] = await this.take(tx, 1);
        if (!row) return false;
        try {
          await this.publisher.publish({
            topic: row.topic,
            key: row.key,
            value: row.value,
            headers: row.headers,
          });
          await this.markSent(tx, [row]);
        } catch (error) {
          if (isTransientPublishError(error)) throw error;
          await this.deadLetter(tx, row, error);
        }
        return true;
      });
      if (!handled) break;
    }
    return done;
  }

  private take(tx: EntityManager, limit: number): Promise<OutboxRow[]> {
    return tx.query(
      `SELECT id, topic, key, value, headers FROM outbox WHERE ${UNSENT}
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  private async markSent(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
    await tx.query(
      `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
  }

  private async deadLetter(tx: EntityManager, row: OutboxRow, error: unknown): Promise<void> {
    const reason = failureReason(error, 2_000);
    await tx.query(
      `UPDATE outbox SET dead_lettered_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`,
      [row.id, reason.slice(0, 500)],
    );
    await recordDeadLetter(tx, {
      stage: 'outbox',
      code: 'PUBLISH_REFUSED',
      reason,
      topic: row.topic,
      sourceRef: `outbox/${row.id}`,
      key: row.key,
      value: JSON.stringify(row.value),
      headers: row.headers,
      attempts: 1,
    });
  }
}
