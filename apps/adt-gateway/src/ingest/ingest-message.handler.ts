import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import { facilityCalendar } from '@ct/domain';
import {
  Hl7ParseError,
  ackCode,
  ackMode,
  buildAck,
  describeLocation,
  errorFromParseError,
  extractAdt,
  parseHl7,
  readHeader,
  type Hl7Header,
} from '@ct/hl7';
import { patientContextOf, type PatientContextWrite } from '../patient-context/patient-context.mapping';
import { contentHash } from './content-hash';
import { contractIssue } from './contract-check';
import { HandOffService } from './hand-off.service';
import { hl7LocationOf } from './hl7-location';
import { IngestMessageCommand, type IngestResult } from './ingest-message.command';
import { ackLabels, IngestMetrics } from './ingest.metrics';
import { normalize, type NormalizedEvent } from './normalize';
import { eventIdFor, senderOf, type Transport } from './normalize-common';
import { RejectMessageService } from './reject-message.service';

/** Table 0357 codes that mean "we do not take this kind of message at all": AR, not AE. */
const REJECT_CODES = new Set([200, 201, 202, 203]);

/** parse → validate → normalize → hand off → ACK; anything unacceptable → quarantine → NAK. */
@CommandHandler(IngestMessageCommand)
export class IngestMessageHandler implements ICommandHandler<IngestMessageCommand> {
  constructor(
    private readonly handOff: HandOffService,
    private readonly rejections: RejectMessageService,
    @Inject(APP_ENV) private readonly env: GatewayEnv,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Each facility's own zone (its business calendar), FACILITY_TIME_ZONE for one not listed. */
  private readonly zoneOf = (facility: string): string =>
    facilityCalendar(facility, this.env.FACILITY_TIME_ZONE).timeZone;

  async execute(command: IngestMessageCommand): Promise<IngestResult> {
    const answered = this.metrics.start(command.transport, command.authenticatedAs);
    const result = await this.ingest(command);
    // counted by the ACK actually sent: its trigger (MSH-9.2) and code (MSA-1)
    answered({ ...ackLabels(result.ack), outcome: result.outcome });
    return result;
  }

  private async ingest({ raw, transport, authenticatedAs }: IngestMessageCommand): Promise<IngestResult> {
    let header: Hl7Header | undefined;
    let normalized: NormalizedEvent;
    let context: PatientContextWrite | undefined;
    try {
      const message = parseHl7(raw);
      header = readHeader(message);
      const adt = extractAdt(message);
      normalized = normalize(adt, transport, this.zoneOf);
      assertContract(normalized, Boolean(adt.visit?.location?.facility));
      context = patientContextOf(adt, normalized.value);
    } catch (error) {
      if (!(error instanceof Hl7ParseError)) throw error;
      const inboundMessageId = await this.rejections
        .reject(raw, transport, header, error.code, error.message, authenticatedAs)
        .catch(() => undefined);
      // could not even quarantine it: a NAK that asks for a resend, so nothing is lost
      if (!inboundMessageId) return { outcome: 'unavailable', ack: this.unavailable(header) };
      const outcome = REJECT_CODES.has(error.hl7ErrorCode) || !header ? 'reject' : 'error';
      const code = ackCode(header ? ackMode(header) : 'original', outcome);
      const ack = buildAck(header, { code, text: error.message, errors: [errorFromParseError(error)] });
      return { outcome: 'rejected', inboundMessageId, ack };
    }
    const record = {
      sender: senderOf(header),
      controlId: header.controlId,
      transport,
      messageType: normalized.value.source.messageType,
      raw,
      eventId: normalized.value.eventId,
      contentHash: contentHash(raw),
      authenticatedAs,
      context,
    };
    let result = await this.handOff.handOff(record, normalized);
    if (result.outcome === 'conflict' && transport === 'replay') {
      // ops replayed a message that reused a control id: it goes on as a message of its own
      const controlId = `${header.controlId}#${record.contentHash.slice(0, 12)}`;
      const eventId = eventIdFor(record.sender, controlId);
      const own = { ...normalized, value: { ...normalized.value, eventId } };
      result = await this.handOff.handOff({ ...record, controlId, eventId }, own);
    }
    const { outcome, inboundMessageId } = result;
    if (outcome === 'conflict') return this.refuseReusedControlId(raw, transport, header, authenticatedAs);
    if (outcome !== 'unavailable') {
      return {
        outcome,
        inboundMessageId,
        ack: buildAck(header, { code: ackCode(ackMode(header), 'accept') }),
      };
    }
    // nothing was published (or it is still on its way): the sender's resend is safe either way
    return { outcome, inboundMessageId, ack: this.unavailable(header) };
  }

  /**
   * Another message under the control id of one already published: not dropped as a resend, not
   * published over it. Quarantined beside it (ops replay it as a message of its own) and refused
   * with AR, so the sender does not resend it, and its staff see why.
   */
  private async refuseReusedControlId(
    raw: string,
    transport: Transport,
    header: Hl7Header,
    authenticatedAs: string | null,
  ): Promise<IngestResult> {
    const text = 'MSH-10 was already used by a different message from this sender, or by another feed';
    const inboundMessageId = await this.rejections
      .reject(raw, transport, header, 'CONTROL_ID_REUSED', text, authenticatedAs)
      .catch(() => undefined);
    if (!inboundMessageId) return { outcome: 'unavailable', ack: this.unavailable(header) };
    const location = { segment: 'MSH', sequence: 1, field: 10 };
    const ack = buildAck(header, {
      code: ackCode(ackMode(header), 'reject'),
      text,
      errors: [{ hl7ErrorCode: 205, severity: 'E', location, userMessage: text }],
    });
    return { outcome: 'rejected', inboundMessageId, ack };
  }

  private unavailable(header: Hl7Header | undefined): string {
    return buildAck(header, {
      code: ackCode(header ? ackMode(header) : 'original', 'error'),
      text: 'Temporarily unable to accept the message; please resend',
      errors: [
        { hl7ErrorCode: 207, severity: 'E', userMessage: 'Downstream hand-off unavailable; resend later' },
      ],
    });
  }
}

/** Refuses, before the ACK, an event that a later stage could not take. */
function assertContract(normalized: NormalizedEvent, facilityFromVisit: boolean): void {
  const issue = contractIssue(normalized.value);
  if (!issue) return;
  const location = hl7LocationOf(issue.path, facilityFromVisit);
  throw new Hl7ParseError('BAD_VALUE', `${describeLocation(location)}: ${issue.message}`, location);
}
