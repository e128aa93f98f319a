import { Command } from '@nestjs/cqrs';
import type { IngestOutcome } from '../ingest/ingest-message.command';
import type { OperationOutcome } from './operation-outcome';
import type { ResponseBundle } from './response-bundle';

export interface ProcessMessageResult {
  outcome: IngestOutcome;
  /** The HTTP status the FHIR answer goes with. */
  status: number;
  body: ResponseBundle | OperationOutcome;
  inboundMessageId?: string;
}

/** One FHIR notification message Bundle, as the raw JSON the sender posted. */
export class ProcessMessageCommand extends Command<ProcessMessageResult> {
  constructor(
    readonly raw: string,
    /** The authenticated peer (`token:<subject>`); a replay passes the original's. */
    readonly authenticatedAs: string | null = null,
  ) {
    super();
  }
}
