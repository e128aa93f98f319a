import { Command } from '@nestjs/cqrs';
import type { Transport } from './normalize-common';

export type IngestOutcome = 'accepted' | 'duplicate' | 'rejected' | 'unavailable';

export interface IngestResult {
  outcome: IngestOutcome;
  /** The HL7 ACK or NAK to send back, whatever the transport. */
  ack: string;
  /** Kept in the archive, for an operator (quarantine, replay). */
  inboundMessageId?: string;
}

/** One raw HL7 v2 message from a feed, over any transport. */
export class IngestMessageCommand extends Command<IngestResult> {
  constructor(
    readonly raw: string,
    readonly transport: Transport,
    /** The authenticated peer: `token:<subject>`, `cert:<subject>`; null over plain MLLP. */
    readonly authenticatedAs: string | null = null,
  ) {
    super();
  }
}
