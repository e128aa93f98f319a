import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import { HEADER_CORRELATION_ID, HEADER_EVENT_TYPE, HEADER_SCHEMA } from '@ct/contracts';
import { KafkaPublisher } from '@ct/kafka';
import { failureReason } from '@ct/observability';
import { InboundArchive, type InboundRecord } from './inbound-archive';
import type { NormalizedEvent } from './normalize';

export interface HandOffResult {
  /** conflict: the sender + MSH-10 of a published message, with other content; nothing published. */
  outcome: 'accepted' | 'duplicate' | 'conflict' | 'unavailable';
  inboundMessageId?: string;
}

/**
 * archive → publish (acks=all) → mark published. Only 'accepted' and 'duplicate' may be answered
 * with a positive ACK: both mean the event is on Kafka. The answer waits HANDOFF_TIMEOUT_MS at
 * most; work still running then finishes on its own and leaves the row published or failed, so
 * the sender's resend is acknowledged as a duplicate or published afresh.
 */
@Injectable()
export class HandOffService {
  private readonly logger = new Logger(HandOffService.name);
  /** Hand-offs still running, by sender + MSH-10: a resend waits on its first copy, not a second publish. */
  private readonly running = new Map<string, Promise<HandOffResult>>();

  constructor(
    private readonly archive: InboundArchive,
    private readonly publisher: KafkaPublisher,
    @Inject(APP_ENV) private readonly env: Pick<GatewayEnv, 'HANDOFF_TIMEOUT_MS'>,
  ) {}

  async handOff(record: InboundRecord, normalized: NormalizedEvent): Promise<HandOffResult> {
    const key = `${record.sender}\u0000${record.controlId}`;
    const first = this.running.get(key);
    if (first) {
      this.logger.log(
        { eventId: normalized.value.eventId },
        'resend while its first copy is being handed off',
      );
      const result = await this.bounded(first, normalized);
      return result.outcome === 'accepted' ? { ...result, outcome: 'duplicate' } : result;
    }
    const work = this.run(record, normalized).finally(() => this.running.delete(key));
    this.running.set(key, work);
    return this.bounded(work, normalized);
  }

  private async bounded(work: Promise<HandOffResult>, normalized: NormalizedEvent): Promise<HandOffResult> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<HandOffResult>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(
          { eventId: normalized.value.eventId, timeoutMs: this.env.HANDOFF_TIMEOUT_MS },
          'hand-off too slow: answered unavailable, left to finish',
        );
        resolve({ outcome: 'unavailable' });
      }, this.env.HANDOFF_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run(record: InboundRecord, normalized: NormalizedEvent): Promise<HandOffResult> {
    const event = normalized.value;
    let id: string;
    try {
      const claim = await this.archive.claim(record);
      id = claim.id;
      if (claim.previous === 'published' && claim.sameContent === false) {
        this.logger.warn(
          { inboundMessageId: id, eventId: event.eventId },
          'control id reused for other content',
        );
        return { outcome: 'conflict', inboundMessageId: id };
      }
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
      await this.archive.markFailed(id, `publish failed: ${failureReason(error)}`).catch(() => undefined);
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
