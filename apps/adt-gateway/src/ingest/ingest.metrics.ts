import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
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

/**
 * What the gateway took and answered, by transport, trigger and answer: codes only, never a
 * sender's ids (control id, MRN, visit number).
 */
@Injectable()
export class IngestMetrics {
  private readonly messages: Counter<'transport' | 'trigger' | 'ack_code' | 'outcome'>;
  private readonly latency: Histogram<'transport'>;
  private readonly quarantined: Counter<'transport' | 'code'>;

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
  }

  /** Starts the ACK clock for one message; call the result with its answer. */
  start(
    transport: Transport,
  ): (answer: { trigger: string; ack_code: string; outcome: IngestOutcome }) => void {
    const stop = this.latency.startTimer({ transport });
    return (answer) => {
      stop();
      this.messages.inc({ transport, ...answer });
    };
  }

  quarantine(transport: Transport, code: string): void {
    this.quarantined.inc({ transport, code: codeLabel(code) });
  }
}
