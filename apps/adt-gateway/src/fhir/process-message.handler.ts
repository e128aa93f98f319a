import { HttpStatus, Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import { contentHash } from '../ingest/content-hash';
import { contractIssue } from '../ingest/contract-check';
import { HandOffService } from '../ingest/hand-off.service';
import { IngestMetrics } from '../ingest/ingest.metrics';
import { RejectMessageService } from '../ingest/reject-message.service';
import { bundleToEvent } from './bundle-to-event';
import { originOf, peekOrigin, type FhirOrigin } from './message-origin';
import { FhirInputError, operationOutcome } from './operation-outcome';
import { ProcessMessageCommand, type ProcessMessageResult } from './process-message.command';
import { readNotification } from './read-notification';
import { responseBundle } from './response-bundle';

const UNAVAILABLE: ProcessMessageResult = {
  outcome: 'unavailable',
  status: HttpStatus.SERVICE_UNAVAILABLE,
  body: operationOutcome([
    {
      severity: 'error',
      code: 'transient',
      diagnostics: 'Temporarily unable to accept the message; please resend',
    },
  ]),
};

/** read → map → hand off (archive, publish acks=all) → answer; anything unusable → quarantine → OperationOutcome. */
@CommandHandler(ProcessMessageCommand)
export class ProcessMessageHandler implements ICommandHandler<ProcessMessageCommand> {
  constructor(
    private readonly handOff: HandOffService,
    private readonly rejections: RejectMessageService,
    @Inject(APP_ENV) private readonly env: Pick<GatewayEnv, 'FHIR_IDENTIFIER_AUTHORITIES'>,
    private readonly metrics: IngestMetrics,
  ) {}

  async execute(command: ProcessMessageCommand): Promise<ProcessMessageResult> {
    const answered = this.metrics.start('fhir', command.authenticatedAs);
    const seen: { trigger?: string } = {};
    const result = await this.process(command, seen);
    // FHIR has no ACK: the HTTP status of the answer stands in its place
    answered({ trigger: seen.trigger ?? 'none', ack_code: String(result.status), outcome: result.outcome });
    return result;
  }

  private async process(
    { raw, authenticatedAs }: ProcessMessageCommand,
    seen: { trigger?: string },
  ): Promise<ProcessMessageResult> {
    let origin: FhirOrigin | undefined;
    try {
      const message = readNotification(raw);
      origin = originOf(message);
      const normalized = bundleToEvent(message, this.env.FHIR_IDENTIFIER_AUTHORITIES);
      seen.trigger = normalized.value.trigger; // A01…A62, checked by the contract
      const issue = contractIssue(normalized.value);
      // a value later stages cannot take (too long, control characters) is refused before the answer
      if (issue) throw FhirInputError.of('invalid', `${issue.path.join('.')}: ${issue.message}`);
      const record = {
        ...origin,
        transport: 'fhir',
        raw,
        eventId: normalized.value.eventId,
        contentHash: contentHash(raw),
        authenticatedAs,
      };
      const { outcome, inboundMessageId } = await this.handOff.handOff(record, normalized);
      if (outcome === 'unavailable') return UNAVAILABLE;
      if (outcome === 'conflict') {
        const reused =
          'MessageHeader.id was already used by a different message from this sender, or by another feed';
        throw FhirInputError.of('duplicate', reused, 'Bundle.entry[0].resource.id');
      }
      const body = responseBundle(message.header, message.header.id ?? origin.controlId);
      return { outcome, inboundMessageId, status: HttpStatus.OK, body };
    } catch (error) {
      if (!(error instanceof FhirInputError)) throw error;
      return this.reject(raw, origin ?? peekOrigin(raw), error, authenticatedAs);
    }
  }

  private async reject(
    raw: string,
    origin: FhirOrigin | undefined,
    error: FhirInputError,
    authenticatedAs: string | null,
  ) {
    const inboundMessageId = await this.rejections
      .reject(raw, 'fhir', origin, error.code, error.message, authenticatedAs)
      .catch(() => undefined);
    // could not even quarantine it: ask for a resend, so nothing is lost
    if (!inboundMessageId) return UNAVAILABLE;
    const body = operationOutcome(error.issues);
    return { outcome: 'rejected' as const, status: error.status, body, inboundMessageId };
  }
}
