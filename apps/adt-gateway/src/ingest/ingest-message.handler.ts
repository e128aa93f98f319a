import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import {
  ADT_DLQ_TOPIC,
  HEADER_CORRELATION_ID,
  HEADER_EVENT_TYPE,
  HEADER_SCHEMA,
  type AdtDlqRecordV1,
} from '@ct/contracts';
import {
  Hl7ParseError,
  ackCode,
  ackMode,
  buildAck,
  errorFromParseError,
  extractAdt,
  parseHl7,
  readHeader,
  type Hl7Header,
} from '@ct/hl7';
import { KafkaPublisher } from '@ct/kafka';
import { normalize, type NormalizedEvent } from './normalize';
import { senderOf } from './normalize-common';
import { InboundArchive, type InboundRecord } from './inbound-archive';
import { IngestMessageCommand, type IngestResult } from './ingest-message.command';

/** Table 0357 codes that mean "we do not take this kind of message at all": AR, not AE. */
const REJECT_CODES = new Set([200, 201, 202, 203]);

/**
 * parse → validate → normalize → archive (locking the sender + MSH-10 row) → publish with acks=all
 * → mark published → ACK. A positive ACK therefore always means the event is on Kafka.
 */
@CommandHandler(IngestMessageCommand)
export class IngestMessageHandler implements ICommandHandler<IngestMessageCommand> {
  private readonly logger = new Logger(IngestMessageHandler.name);

  constructor(
    private readonly archive: InboundArchive,
    private readonly publisher: KafkaPublisher,
    @Inject(APP_ENV) private readonly env: GatewayEnv,
  ) {}

  async execute({ raw, transport }: IngestMessageCommand): Promise<IngestResult> {
    let header: Hl7Header | undefined;
    let normalized: NormalizedEvent;
    try {
      const message = parseHl7(raw);
      header = readHeader(message);
      normalized = normalize(extractAdt(message), transport, this.env.FACILITY_TIME_ZONE);
    } catch (error) {
      if (!(error instanceof Hl7ParseError)) throw error;
      return this.reject(raw, transport, header, error);
    }
    const event = normalized.value;
    const record: InboundRecord = {
      sender: senderOf(header),
      controlId: header.controlId,
      transport,
      messageType: event.source.messageType,
      raw,
      eventId: event.eventId,
    };
    const mode = ackMode(header);
    try {
      return await this.archive.transaction(async (tx) => {
        const { id, previous } = await this.archive.claim(tx, record);
        if (previous === 'published') {
          this.logger.log(
            { inboundMessageId: id, eventId: event.eventId },
            'duplicate message acknowledged again',
          );
          return {
            outcome: 'duplicate',
            inboundMessageId: id,
            ack: buildAck(header, { code: ackCode(mode, 'accept') }),
          };
        }
        await this.publisher.publish({
          ...normalized,
          headers: {
            [HEADER_EVENT_TYPE]: event.type,
            [HEADER_SCHEMA]: event.schema,
            [HEADER_CORRELATION_ID]: event.eventId,
          },
        });
        await this.archive.mark(tx, id, 'published', null, record);
        this.logger.log(
          { inboundMessageId: id, eventId: event.eventId, type: event.type },
          'event published',
        );
        return {
          outcome: 'accepted',
          inboundMessageId: id,
          ack: buildAck(header, { code: ackCode(mode, 'accept') }),
        };
      });
    } catch (error) {
      // Kafka or Postgres unavailable: nothing was committed, so the sender's resend starts afresh
      this.logger.warn(
        { eventId: event.eventId, err: String(error) },
        'hand-off failed, answering with a NAK',
      );
      return {
        outcome: 'unavailable',
        ack: buildAck(header, {
          code: ackCode(mode, 'error'),
          text: 'Temporarily unable to accept the message; please resend',
          errors: [
            {
              hl7ErrorCode: 207,
              severity: 'E',
              userMessage: 'Downstream hand-off unavailable; resend later',
            },
          ],
        }),
      };
    }
  }

  private async reject(
    raw: string,
    transport: IngestMessageCommand['transport'],
    header: Hl7Header | undefined,
    error: Hl7ParseError,
  ): Promise<IngestResult> {
    const reason = `${error.code}: ${error.message}`;
    const record: InboundRecord = {
      sender: header ? senderOf(header) : 'unknown',
      controlId: header?.controlId || `unparsed:${randomUUID()}`,
      transport,
      messageType: header ? `${header.messageCode}^${header.triggerEvent}` : null,
      raw,
      eventId: null,
    };
    const inboundMessageId = await this.archive.quarantine(record, reason);
    const dlq: AdtDlqRecordV1 = {
      schema: 'adt.dlq.v1',
      stage: 'gateway',
      code: error.code,
      reason,
      failedAt: new Date().toISOString(),
      inboundMessageId,
    };
    await this.publisher
      .publish({ topic: ADT_DLQ_TOPIC, key: inboundMessageId, value: dlq })
      .catch((cause: unknown) => {
        // the quarantine row is the durable record; the DLQ copy is a notification
        this.logger.warn({ inboundMessageId, err: String(cause) }, 'could not publish the DLQ record');
      });
    this.logger.warn({ inboundMessageId, code: error.code, location: error.location }, 'message rejected');
    const outcome = REJECT_CODES.has(error.hl7ErrorCode) || !header ? 'reject' : 'error';
    const mode = header ? ackMode(header) : 'original';
    return {
      outcome: 'rejected',
      inboundMessageId,
      ack: buildAck(header, {
        code: ackCode(mode, outcome),
        text: error.message,
        errors: [errorFromParseError(error)],
      }),
    };
  }
}
