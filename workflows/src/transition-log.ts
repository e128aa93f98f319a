import type { TimelineEntry } from './care-transition.activities';
import type { TransitionRunner } from './transition-runner';
import type { EndedStatus } from './transition-state';

/** The timeline entries of the events being applied, written with the next change they lead to. */
export class TransitionLog {
  private pending: TimelineEntry[] = [];

  constructor(readonly runner: TransitionRunner) {}

  get state() {
    return this.runner.state;
  }

  note(entry: TimelineEntry): void {
    this.pending.push(entry);
  }

  ignore(event: { eventId: string }, reason: string): void {
    this.note(this.runner.entry('event.ignored', [event.eventId], { eventId: event.eventId, reason }));
  }

  /** The entries noted so far, and none are left. */
  take(): TimelineEntry[] {
    return this.pending.splice(0);
  }

  async flush(): Promise<void> {
    await this.runner.record(this.take());
  }

  async finish(status: EndedStatus, reason: string, closeOutcome = reason): Promise<void> {
    this.state.reason = reason;
    await this.runner.closeOpenSteps(closeOutcome);
    await this.runner.recordStatus(status, this.take());
  }
}
