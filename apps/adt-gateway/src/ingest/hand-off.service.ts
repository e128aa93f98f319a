import { Injectable, Logger } from '@nestjs/common';
import { HEADER_CORRELATION_ID, HEADER_EVENT_TYPE, HEADER_SCHEMA } from '@ct/contracts';
import { KafkaPublisher } from '@ct/kafka';
import { InboundArchive, type InboundRecord } from './inbound-archive';
import type { NormalizedEvent } from './normalize';

export interface HandOffResult {
  outcome: 'accepted' | 'duplicate' | 'unavailable';
  inboundMessageId?: string;
}

/**
 * archive → publish (acks=all) → mark published. Only 'accepted' and 'duplicate' may be answered
 * with a positive ACK: both mean the event is on Kafka.
 */
@Injectable()
export class HandOffService {
  private readonly logger = new Logger(HandOffService.name);

  constructor(
    private readonly archive: InboundArchive,
    private readonly publisher: KafkaPublisher,
  ) {}

  async handOff(record: InboundRecord, normalized: NormalizedEvent): Promise<HandOffResult> {
    const event = normalized.value;
    let id: string;
    try {
      const claim = await this.archive.claim(record);
      id = claim.id;
      if (claim.previous === 'published') {
        this.logger.log(
          { inboundMessageId: id, eventId: event.eventId },
          'resend acknowledged, not published again',
        );
        return { outcome: 'duplicate', inboundMessageId: id };
      }
    } catch (error) {
      this.logger.warn({ eventId: event.eventId, err: String(error) }, 'archive unavailable');
      return { outcome: 'unavailable' };
    }
    try {
      await this.publisher.publish({
        ...normalized,
        headers: {
          [HEADER_EVENT_TYPE]: event.type,
          [HEADER_SCHEMA]: event.schema,
          [HEADER_CORRELATION_ID]: event.eventId,
        },
      });
    } catch (error) {
      this.logger.warn(
        { inboundMessageId: id, eventId: event.eventId, err: String(error) },
        'publish failed',
      );
      await this.archive.markFailed(id, `publish failed: ${String(error)}`).catch(() => undefined);
      return { outcome: 'unavailable', inboundMessageId: id };
    }
    // the event is on Kafka: a failed mark only means a resend would publish it again (deduped downstream)
    await this.archive
      .markPublished(id)
      .catch((error: unknown) =>
        this.logger.warn({ inboundMessageId: id, err: String(error) }, 'mark failed'),
      );
    this.logger.log({ inboundMessageId: id, eventId: event.eventId, type: event.type }, 'event published');
    return { outcome: 'accepted', inboundMessageId: id };
  }
}
