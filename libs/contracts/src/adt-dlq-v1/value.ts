import { z } from 'zod';

export const ADT_DLQ_TOPIC = 'adt.dlq.v1';

/** What could not be handled, with the reason; an operator replays it once the cause is fixed. */
export const adtDlqRecordV1Schema = z.object({
  schema: z.literal('adt.dlq.v1'),
  stage: z.enum(['gateway', 'orchestrator']),
  code: z.string().min(1),
  reason: z.string().min(1),
  failedAt: z.iso.datetime({ offset: true }),
  /** The quarantined raw message, for failures at the gateway. */
  inboundMessageId: z.string().optional(),
  /** Where the failed record sat, for failures of a consumer. */
  origin: z.object({ topic: z.string(), partition: z.number().int(), offset: z.string() }).optional(),
  /** The failed record's value as received, for consumer failures (may hold identifiers). */
  value: z.string().optional(),
});

export type AdtDlqRecordV1 = z.infer<typeof adtDlqRecordV1Schema>;
