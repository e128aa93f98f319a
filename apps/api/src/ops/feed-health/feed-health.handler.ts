import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GetFeedHealthQuery, type FeedHealth } from './feed-health.query';

// one index probe per sender (ix_inbound_sender_received) instead of a scan of the archive
const ALL_SENDERS = `WITH RECURSIVE senders AS (
    (SELECT sender FROM inbound_messages ORDER BY sender LIMIT 1)
    UNION ALL
    SELECT (SELECT m.sender FROM inbound_messages m WHERE m.sender > s.sender ORDER BY m.sender LIMIT 1)
    FROM senders s WHERE s.sender IS NOT NULL
  )`;
const ONE_SENDER = `WITH senders AS (SELECT $2::text AS sender)`;

interface Row {
  sender: string;
  last_at: Date | null;
  messages: string;
  refusals: string;
  quarantined: string;
}

/** Per sender: when it last sent, what it sent and we refused in the last hour, its quarantine. */
@QueryHandler(GetFeedHealthQuery)
export class GetFeedHealthHandler implements IQueryHandler<GetFeedHealthQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ filter }: GetFeedHealthQuery) {
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const rows: Row[] = await this.db.query(
      `${filter.sender ? ONE_SENDER : ALL_SENDERS},
       quarantine AS (
         SELECT sender, count(*) AS quarantined,
           count(*) FILTER (WHERE received_at > $1) AS refusals
         FROM inbound_messages WHERE status IN ('rejected', 'failed') ${filter.sender ? 'AND sender = $2' : ''}
         GROUP BY sender
       )
       SELECT s.sender,
         (SELECT max(m.received_at) FROM inbound_messages m WHERE m.sender = s.sender) AS last_at,
         (SELECT count(*) FROM inbound_messages m WHERE m.sender = s.sender AND m.received_at > $1) AS messages,
         COALESCE(q.refusals, 0) AS refusals, COALESCE(q.quarantined, 0) AS quarantined
       FROM senders s LEFT JOIN quarantine q ON q.sender = s.sender
       WHERE s.sender IS NOT NULL ORDER BY s.sender`,
      filter.sender ? [hourAgo, filter.sender] : [hourAgo],
    );
    return { generatedAt: now.toISOString(), items: rows.map((row) => toView(row, now)) };
  }
}

function toView(row: Row, now: Date): FeedHealth {
  return {
    sender: row.sender,
    lastMessageAt: row.last_at?.toISOString() ?? null,
    secondsSinceLastMessage: row.last_at ? Math.round((now.getTime() - row.last_at.getTime()) / 1000) : null,
    messagesLastHour: Number(row.messages),
    refusalsLastHour: Number(row.refusals),
    quarantined: Number(row.quarantined),
  };
}
