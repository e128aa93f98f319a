import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { InboundStatus } from '@ct/persistence';

export interface InboundRecord {
  sender: string;
  controlId: string;
  transport: string;
  messageType: string | null;
  raw: string;
  eventId: string | null;
}

/**
 * The raw-message archive. `claim` inserts or locks the row for (sender, MSH-10), so two copies of
 * one message never publish at the same time, and tells whether it was published before.
 */
@Injectable()
export class InboundArchive {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('READ COMMITTED', work);
  }

  async claim(
    tx: EntityManager,
    record: InboundRecord,
  ): Promise<{ id: string; previous: InboundStatus | null }> {
    const rows: { id: string; status: InboundStatus; inserted: boolean }[] = await tx.query(
      `INSERT INTO inbound_messages AS m (sender, control_id, transport, message_type, raw, event_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sender, control_id) DO UPDATE SET updated_at = now()
       RETURNING m.id, m.status, (xmax = 0) AS inserted`,
      [record.sender, record.controlId, record.transport, record.messageType, record.raw, record.eventId],
    );
    const row = rows[0];
    return { id: row.id, previous: row.inserted ? null : row.status };
  }

  async mark(
    tx: EntityManager,
    id: string,
    status: InboundStatus,
    reason: string | null,
    record?: InboundRecord,
  ) {
    await tx.query(
      `UPDATE inbound_messages SET status = $2, reason = $3, raw = COALESCE($4, raw), event_id = COALESCE($5, event_id),
         message_type = COALESCE($6, message_type), transport = COALESCE($7, transport), updated_at = now()
       WHERE id = $1`,
      [
        id,
        status,
        reason,
        record?.raw ?? null,
        record?.eventId ?? null,
        record?.messageType ?? null,
        record?.transport ?? null,
      ],
    );
  }

  /** Keeps input we could not accept, with the reason, where an operator can see and replay it. */
  async quarantine(record: InboundRecord, reason: string): Promise<string> {
    return this.transaction(async (tx) => {
      const { id, previous } = await this.claim(tx, record);
      if (previous !== 'published') {
        await this.mark(tx, id, 'rejected', reason, record);
        return id;
      }
      // a bad copy of a message we already published: keep both, the good one stays as it was
      const copy = await this.claim(tx, { ...record, controlId: `${record.controlId}#${randomUUID()}` });
      await this.mark(tx, copy.id, 'rejected', reason, record);
      return copy.id;
    });
  }
}
