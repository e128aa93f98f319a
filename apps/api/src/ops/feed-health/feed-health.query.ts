import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { code } from '../sql';

export const feedHealthFilterSchema = z
  .object({
    /** One sender (MSH-3|MSH-4, as archived); all of them when left out. */
    sender: code.optional(),
  })
  .strict();
export type FeedHealthFilter = z.infer<typeof feedHealthFilterSchema>;

/** One sender's feed from the inbound archive: ids and counts, never a message's content. */
export interface FeedHealth {
  sender: string;
  lastMessageAt: string | null;
  secondsSinceLastMessage: number | null;
  messagesLastHour: number;
  /** Messages of the last hour we did not accept (rejected, or failed and NAKed for a resend). */
  refusalsLastHour: number;
  /** Its messages in quarantine now (rejected or failed), as GET /api/v1/ops/quarantine lists them. */
  quarantined: number;
}

export class GetFeedHealthQuery extends Query<{ generatedAt: string; items: FeedHealth[] }> {
  constructor(readonly filter: FeedHealthFilter) {
    super();
  }
}
