import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { GroupCommit } from '@ct/batching';
import { storable, type InboundStatus } from '@ct/persistence';
import type { PatientContextWrite } from '../patient-context/patient-context.mapping';
import { writePatientContexts } from '../patient-context/patient-context.store';

export interface InboundRecord {
  sender: string;
  controlId: string;
  transport: string;
  messageType: string | null;
  raw: string;
  eventId: string | null;
  /** contentHash(raw): a copy with the same sender + MSH-10 but other content is another message. */
  contentHash?: string;
  /** The authenticated peer (`token:…`, `cert:…`), or null where there is none (plain MLLP). */
  authenticatedAs?: string | null;
  /** PHI for the visit's patient context: stored in the claim's transaction, so durable before the ACK. */
  context?: PatientContextWrite;
}

export interface Claim {
  id: string;
  /** The row's status before this message: null when it is new, 'published' for a resend. */
  previous: InboundStatus | null;
  /**
   * For a published earlier copy: whether its content, and who sent it, are this one's (a true
   * resend). Another authenticated feed using the same MSH-3/4 and MSH-10 is a conflict, never a
   * silent duplicate: one feed cannot suppress another's messages.
   */
  sameContent?: boolean;
}

/**
 * Sender and MSH-10 are a unique index's key: one longer than any valid value (a refused frame's)
 * is kept as its start and a hash, so its quarantine never fails on the index's size limit.
 */
export function storableKey(text: string, max = 200): string {
  const clean = storable(text);
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 41)}#${createHash('sha256').update(clean).digest('hex').slice(0, 40)}`;
}

/**
 * The raw-message archive: audit trail, duplicate check (sender + MSH-10) and quarantine.
 * Claims and "published" marks are group-committed: one statement (one WAL flush) per batch.
 */
@Injectable()
export class InboundArchive {
  private readonly claims = new GroupCommit<InboundRecord, Claim>((records) => this.claimBatch(records), {
    maxBatch: 200,
    maxInFlight: 2,
  });
  private readonly publishedMarks = new GroupCommit<string, void>((ids) => this.markPublishedBatch(ids), {
    maxBatch: 500,
    maxInFlight: 2,
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The hot path talks to TypeORM's pg pool directly: its query wrapper was ~15% of gateway CPU. */
  private get pool(): Pool {
    return (this.db.driver as unknown as { master: Pool }).master;
  }

  /** Stores the message (or finds its earlier copy) before anything is published. */
  claim(record: InboundRecord): Promise<Claim> {
    return this.claims.submit(record);
  }

  markPublished(id: string): Promise<void> {
    return this.publishedMarks.submit(id);
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE inbound_messages SET status = 'failed', reason = $2, updated_at = now() WHERE id = $1 AND status <> 'published'`,
      [id, storable(reason)],
    );
  }

  /** Keeps input we could not accept, with the reason, where an operator can see and replay it. */
  async quarantine(record: InboundRecord, reason: string): Promise<string> {
    const claim = await this.claim(record);
    // a bad copy of a message already published is kept beside it; the good one stays as it was
    const { id } =
      claim.previous === 'published'
        ? await this.claim({ ...record, controlId: `${record.controlId}#${randomUUID()}` })
        : claim;
    await this.db.query(
      `UPDATE inbound_messages SET status = 'rejected', reason = $2, updated_at = now() WHERE id = $1`,
      [id, storable(reason).slice(0, 2_000)],
    );
    return id;
  }

  /**
   * A batch with patient context stores it in the transaction of the claim: a message that is
   * ACKed has its context. A resend of a published message, or another message under its id
   * (a conflict, refused), adds nothing.
   */
  private async claimBatch(records: InboundRecord[]): Promise<Claim[]> {
    if (!records.some((r) => r.context)) return this.claimRows(this.pool, records);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const claims = await this.claimRows(client, records);
      const contexts = records.flatMap((record, i) => {
        const { id, previous } = claims[i];
        return record.context && previous !== 'published' ? [{ ...record.context, sourceMessageId: id }] : [];
      });
      await writePatientContexts(client, contexts);
      await client.query('COMMIT');
      return claims;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async claimRows(db: Pool | PoolClient, records: InboundRecord[]): Promise<Claim[]> {
    // one row per key: Postgres refuses to upsert the same row twice in one statement
    const keyOf = (r: InboundRecord) => `${storableKey(r.sender)}\u0000${storableKey(r.controlId)}`;
    const unique = [...new Map(records.map((r) => [keyOf(r), r])).values()];
    const params: unknown[] = [];
    const rows = unique.map((r) => {
      const type = r.messageType === null ? null : storableKey(r.messageType, 64);
      params.push(
        r.contentHash ?? null,
        storableKey(r.sender),
        storableKey(r.controlId),
        r.transport,
        type,
        storable(r.raw),
        r.eventId,
        r.authenticatedAs ?? null,
      );
      const n = params.length;
      return `($${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    const { rows: result } = await db.query<{
      id: string;
      sender: string;
      control_id: string;
      status: InboundStatus;
      content_hash: string | null;
      authenticated_as: string | null;
      inserted: boolean;
    }>(
      `INSERT INTO inbound_messages AS m (content_hash, sender, control_id, transport, message_type, raw, event_id, authenticated_as)
       VALUES ${rows.join(', ')}
       ON CONFLICT (sender, control_id) DO UPDATE SET updated_at = now(),
         raw = CASE WHEN m.status = 'published' THEN m.raw ELSE EXCLUDED.raw END,
         event_id = CASE WHEN m.status = 'published' THEN m.event_id ELSE EXCLUDED.event_id END,
         message_type = CASE WHEN m.status = 'published' THEN m.message_type ELSE EXCLUDED.message_type END,
         content_hash = CASE WHEN m.status = 'published' THEN m.content_hash ELSE EXCLUDED.content_hash END,
         authenticated_as = CASE WHEN m.status = 'published' THEN m.authenticated_as ELSE EXCLUDED.authenticated_as END
       RETURNING m.id, m.sender, m.control_id, m.status, m.content_hash, m.authenticated_as, (xmax = 0) AS inserted`,
      params,
    );
    const byKey = new Map(result.map((row) => [`${row.sender}\u0000${row.control_id}`, row]));
    return records.map((record) => {
      const row = byKey.get(keyOf(record))!;
      const previous = row.inserted ? null : row.status;
      // rows archived before content hashes (or peers) were kept count as the same content (peer)
      const sameContent =
        (row.content_hash === null || row.content_hash === (record.contentHash ?? null)) &&
        (row.authenticated_as === null || row.authenticated_as === (record.authenticatedAs ?? null));
      return previous === 'published' ? { id: row.id, previous, sameContent } : { id: row.id, previous };
    });
  }

  /**
   * Visible to the next claim at once, but not waited on for the disk: losing a mark in a crash
   * only means a resend is published again, which every consumer drops by event id.
   */
  private async markPublishedBatch(ids: string[]): Promise<void[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(
        `UPDATE inbound_messages SET status = 'published', reason = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return ids.map(() => undefined);
  }
}
