import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ADT_DLQ_TOPIC, type AdtDlqRecordV1 } from '@ct/contracts';
import type { Hl7Header } from '@ct/hl7';
import { KafkaPublisher } from '@ct/kafka';
import { InboundArchive } from './inbound-archive';
import { IngestMetrics } from './ingest.metrics';
import { senderOf, type Transport } from './normalize-common';

/** Who sent a rejected message: its HL7 header, or the key a FHIR message was read under. */
export type RejectOrigin = Hl7Header | { sender: string; controlId: string; messageType: string };

function keyOf(origin: RejectOrigin) {
  if ('sender' in origin) return origin;
  return {
    sender: senderOf(origin),
    controlId: origin.controlId,
    messageType: `${origin.messageCode}^${origin.triggerEvent}`,
  };
}

/** Input we will not accept: kept in quarantine with the reason, and announced on adt.dlq.v1. */
@Injectable()
export class RejectMessageService {
  private readonly logger = new Logger(RejectMessageService.name);

  constructor(
    private readonly archive: InboundArchive,
    private readonly publisher: KafkaPublisher,
    private readonly metrics: IngestMetrics,
  ) {}

  async reject(
    raw: string,
    transport: Transport,
    origin: RejectOrigin | undefined,
    code: string,
    reason: string,
    authenticatedAs: string | null = null,
  ) {
    const key = origin ? keyOf(origin) : undefined;
    const inboundMessageId = await this.archive.quarantine(
      {
        sender: key?.sender ?? 'unknown',
        controlId: key?.controlId || `unparsed:${randomUUID()}`,
        transport,
        messageType: key?.messageType || null,
        raw,
        eventId: null,
        authenticatedAs,
      },
      `${code}: ${reason}`,
    );
    this.metrics.quarantine(transport, code);
    const dlq: AdtDlqRecordV1 = {
      schema: 'adt.dlq.v1',
      stage: 'gateway',
      code,
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
    this.logger.warn({ inboundMessageId, code }, 'message rejected');
    return inboundMessageId;
  }
}
