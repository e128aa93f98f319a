import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { parseHl7 } from '@ct/hl7';
import { codeLabel, MetricsRegistry } from '@ct/observability';
import type { IngestOutcome } from './ingest-message.command';
import type { Transport } from './normalize-common';

/** An HL7 trigger event (A03, I12); whatever else a sender wrote in MSH-9.2 counts as `other`. */
const TRIGGER = /^[A-Z][0-9]{2}$/;

/** MSH-9.2 and MSA-1 of an ACK we built: the trigger it answers and the code it answers with. */
export function ackLabels(ack: string): { trigger: string; ack_code: string } {
  try {
    const message = parseHl7(ack);
    return {
      trigger: codeLabel(message.get('MSH-9.2'), TRIGGER),
      ack_code: codeLabel(message.get('MSA-1'), /^[AC][AER]$/),
    };
  } catch {
    return { trigger: 'none', ack_code: 'other' };
  }
}

/** Feeds with a series of their own; one past these (a misconfigured issuer) counts as `other`. */
export const MAX_FEEDS = 200;

/**
 * The `feed` label: who the gateway authenticated (`token:<subject>`, `cert:<subject>`), a
 * credential we issued, never a free-text MSH field; `unauthenticated` for plain MLLP.
 */
export function feedLabel(authenticatedAs: string | null, known: ReadonlySet<string>): string {
  if (!authenticatedAs) return 'unauthenticated';
  if (authenticatedAs.length > 200) return 'other';
  return known.has(authenticatedAs) || known.size < MAX_FEEDS ? authenticatedAs : 'other';
}

/**
 * What the gateway took and answered, by transport, trigger and answer: codes only, never a
 * sender's ids (control id, MRN, visit number).
 */
@Injectable()
export class IngestMetrics {
  private readonly messages: Counter<'transport' | 'trigger' | 'ack_code' | 'outcome'>;
  private readonly latency: Histogram<'transport'>;
  private readonly quarantined: Counter<'transport' | 'code'>;
  private readonly lastAccepted: Gauge<'feed'>;
  private readonly feeds = new Set<string>();

  constructor(registry: MetricsRegistry) {
    this.messages = new Counter({
      name: 'ct_gateway_messages_total',
      help: 'Messages answered, by transport, trigger event, ACK code (FHIR: HTTP status) and outcome',
      labelNames: ['transport', 'trigger', 'ack_code', 'outcome'],
      registers: [registry],
    });
    this.latency = new Histogram({
      name: 'ct_gateway_ack_latency_seconds',
      help: 'From a message taken to its ACK (or NAK) ready: parse, archive, publish with acks=all',
      labelNames: ['transport'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    });
    this.quarantined = new Counter({
      name: 'ct_gateway_quarantined_total',
      help: 'Messages refused and kept in quarantine, by transport and refusal code',
      labelNames: ['transport', 'code'],
      registers: [registry],
    });
    this.lastAccepted = new Gauge({
      name: 'ct_gateway_feed_last_accepted_timestamp_seconds',
      help: 'When the gateway last accepted a message of this feed (Unix seconds), by authenticated feed identity',
      labelNames: ['feed'],
      registers: [registry],
    });
  }

  /** Starts the ACK clock for one message of a feed; call the result with its answer. */
  start(
    transport: Transport,
    authenticatedAs: string | null,
  ): (answer: { trigger: string; ack_code: string; outcome: IngestOutcome }) => void {
    const stop = this.latency.startTimer({ transport });
    return (answer) => {
      stop();
      this.messages.inc({ transport, ...answer });
      // a feed that only sends what we refuse is as silent for care as one that sends nothing
      if (answer.outcome === 'accepted') this.accepted(authenticatedAs);
    };
  }

  private accepted(authenticatedAs: string | null): void {
    const feed = feedLabel(authenticatedAs, this.feeds);
    this.feeds.add(feed);
    this.lastAccepted.set({ feed }, Date.now() / 1000);
  }

  quarantine(transport: Transport, code: string): void {
    this.quarantined.inc({ transport, code: codeLabel(code) });
  }
}
