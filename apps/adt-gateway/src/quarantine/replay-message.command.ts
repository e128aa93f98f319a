import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { IngestOutcome } from '../ingest/ingest-message.command';

export interface ReplayResult {
  outcome: IngestOutcome;
  inboundMessageId?: string;
  /** The answer the sender would get now: an HL7 ACK/NAK, or a FHIR response or OperationOutcome. */
  answer: string | object;
}

export const replayResultSchema = z
  .object({
    outcome: z.enum(['accepted', 'duplicate', 'rejected', 'unavailable']),
    inboundMessageId: z.uuid().optional(),
    answer: z
      .union([z.string(), z.looseObject({})])
      .meta({ description: 'An HL7 ACK/NAK, or a FHIR response Bundle or OperationOutcome' }),
  })
  .meta({ id: 'ReplayResult' }) satisfies z.ZodType<ReplayResult>;

/** Runs an archived message through its own ingest path again (HL7 or FHIR), once its cause is fixed. */
export class ReplayMessageCommand extends Command<ReplayResult> {
  constructor(readonly inboundMessageId: string) {
    super();
  }
}
