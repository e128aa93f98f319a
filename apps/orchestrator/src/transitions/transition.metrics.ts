import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '@ct/observability';

/** Calls to Temporal: signal-with-start of a visit's transition, and signals to running ones. */
@Injectable()
export class TransitionMetrics {
  private readonly starts: Counter<'signal' | 'outcome'>;
  private readonly signals: Counter<'signal' | 'result'>;

  constructor(registry: MetricsRegistry) {
    this.starts = new Counter({
      name: 'ct_orchestrator_workflow_starts_total',
      help: 'signalWithStart of a transition, by signal and outcome (started-or-signalled, reopened, finished)',
      labelNames: ['signal', 'outcome'],
      registers: [registry],
    });
    this.signals = new Counter({
      name: 'ct_orchestrator_workflow_signals_total',
      help: 'Signals to running transitions, by signal and result (delivered, or no-transition: none ran)',
      labelNames: ['signal', 'result'],
      registers: [registry],
    });
  }

  started(signal: string, outcome: string): void {
    this.starts.inc({ signal, outcome });
  }

  signalled(signal: string, result: 'delivered' | 'no-transition'): void {
    this.signals.inc({ signal, result });
  }
}
