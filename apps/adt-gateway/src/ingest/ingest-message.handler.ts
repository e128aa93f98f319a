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
import { contractIssue } from './contract-check';
import { HandOffService } from './hand-off.service';
import { hl7LocationOf } from './hl7-location';
import { IngestMessageCommand, type IngestResult } from './ingest-message.command';
import { normalize, type NormalizedEvent } from './normalize';
import { senderOf } from './normalize-common';
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
  ) {}

  /** Each facility's own zone (its business calendar), FACILITY_TIME_ZONE for one not listed. */
  private readonly zoneOf = (facility: string): string =>
    facilityCalendar(facility, this.env.FACILITY_TIME_ZONE).timeZone;

  async execute({ raw, transport }: IngestMessageCommand): Promise<IngestResult> {
    let header: Hl7Header | undefined;
    let normalized: NormalizedEvent;
    try {
      const message = parseHl7(raw);
      header = readHeader(message);
      const adt = extractAdt(message);
      normalized = normalize(adt, transport, this.zoneOf);
      assertContract(normalized, Boolean(adt.visit?.location?.facility));
    } catch (error) {
      if (!(error instanceof Hl7ParseError)) throw error;
      const inboundMessageId = await this.rejections
        .reject(raw, transport, header, error.code, error.message)
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
    };
    const result = await this.handOff.handOff(record, normalized);
    if (result.outcome !== 'unavailable') {
      return { ...result, ack: buildAck(header, { code: ackCode(ackMode(header), 'accept') }) };
    }
    // nothing was published: the sender's resend starts afresh
    return { ...result, ack: this.unavailable(header) };
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
