import { Command } from '@nestjs/cqrs';
import type { IngestResult } from '../ingest/ingest-message.command';

/** Runs a quarantined message through the ingest pipeline again, once its cause is fixed. */
export class ReplayMessageCommand extends Command<IngestResult> {
  constructor(readonly inboundMessageId: string) {
    super();
  }
}
