import { Command } from '@nestjs/cqrs';
import type { IngestOutcome } from '../ingest/ingest-message.command';

export interface ReplayResult {
  outcome: IngestOutcome;
  inboundMessageId?: string;
  /** The answer the sender would get now: an HL7 ACK/NAK, or a FHIR response or OperationOutcome. */
  answer: string | object;
}

/** Runs an archived message through its own ingest path again (HL7 or FHIR), once its cause is fixed. */
export class ReplayMessageCommand extends Command<ReplayResult> {
  constructor(readonly inboundMessageId: string) {
    super();
  }
}
