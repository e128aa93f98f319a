import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import { codeLabel, MetricsRegistry } from '@ct/observability';

/**
 * What became of each record read from Kafka (or replayed): the handler's answer (started-or-
 * signalled, reopened, finished, signalled, no-transition, not-relevant), dead-lettered, or
 * retried (an outage: the broker redelivers it). Topics are named without KAFKA_TOPIC_PREFIX.
 */
@Injectable()
export class RecordMetrics {
  private readonly events: Counter<'topic' | 'outcome'>;
  private readonly retries: Counter<'topic'>;
  private readonly deadLetters: Counter<'topic' | 'code'>;

  constructor(
    registry: MetricsRegistry,
    @Inject(APP_ENV) private readonly env: Pick<OrchestratorEnv, 'KAFKA_TOPIC_PREFIX'>,
  ) {
    const registers = [registry];
    this.events = new Counter({
      name: 'ct_orchestrator_events_total',
      help: 'Records handled, by topic and outcome (the handler result, dead-lettered, or retried after an outage)',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.retries = new Counter({
      name: 'ct_orchestrator_event_retries_total',
      help: 'Tries of a record repeated after an unknown failure (up to ORCHESTRATOR_MAX_ATTEMPTS)',
      labelNames: ['topic'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'ct_orchestrator_dead_letters_total',
      help: 'Records kept as dead letters, by topic and code (BAD_JSON, CONTRACT_VIOLATION, BAD_DATA, RETRIES_EXHAUSTED)',
      labelNames: ['topic', 'code'],
      registers,
    });
  }

  handled(topic: string, outcome: string): void {
    this.events.inc({ topic: this.topicLabel(topic), outcome: codeLabel(outcome) });
  }

  retried(topic: string): void {
    this.retries.inc({ topic: this.topicLabel(topic) });
  }

  deadLettered(topic: string, code: string): void {
    this.deadLetters.inc({ topic: this.topicLabel(topic), code: codeLabel(code) });
  }

  private topicLabel(topic: string): string {
    const prefix = this.env.KAFKA_TOPIC_PREFIX;
    return codeLabel(prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic);
  }
}
