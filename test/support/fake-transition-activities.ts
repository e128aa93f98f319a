import type {
  ChangeTaskInput,
  CloseTaskInput,
  OpenTaskInput,
  RecordAttemptInput,
  RecordFailureInput,
  RecordTimelineInput,
  RecordTransitionInput,
  TimelineEntry,
  TransitionActivities,
} from '@ct/workflows/care-transition.activities';
import { bindActivities } from '../../apps/worker/src/tasks/bind-activities';

/** In-memory activities for workflow tests: records every call, idempotent like the real ones. */
export class FakeTransitionActivities implements TransitionActivities {
  readonly opened: OpenTaskInput[] = [];
  readonly closed: CloseTaskInput[] = [];
  readonly changed: ChangeTaskInput[] = [];
  readonly reminders: RecordTimelineInput[] = [];
  readonly recorded: RecordTransitionInput[] = [];
  /** Outreach attempts, one per attempt id, as the table keeps them. */
  readonly attempts = new Map<string, RecordAttemptInput>();
  /** The timeline as the database would keep it: one entry per dedupe key. */
  readonly timeline = new Map<string, TimelineEntry>();
  /** Set to make the next call of an activity fail once after writing (a crash before it answered). */
  failOnce = new Set<keyof TransitionActivities>();
  /** Activities whose every call the "database" refuses as PostgreSQL does a NUL byte in text. */
  refuseData = new Set<keyof TransitionActivities>();
  readonly failures: RecordFailureInput[] = [];
  /** Calls per activity, refused ones included. */
  readonly calls = new Map<string, number>();

  private write(entries: TimelineEntry[]): boolean {
    const fresh = entries.filter((e) => !this.timeline.has(e.dedupeKey));
    for (const e of fresh) this.timeline.set(e.dedupeKey, e);
    return fresh.length > 0;
  }

  private refuse(name: keyof TransitionActivities): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    if (!this.refuseData.has(name)) return;
    const error = new Error('invalid byte sequence for encoding "UTF8": 0x00');
    throw Object.assign(error, { name: 'QueryFailedError', code: '22021' });
  }

  private crash(name: keyof TransitionActivities): void {
    if (this.failOnce.delete(name)) throw new Error(`${name}: simulated crash after the write`);
  }

  async openTask(input: OpenTaskInput) {
    this.refuse('openTask');
    if (this.write([input.entry])) this.opened.push(input);
    return { taskId: `${input.transitionId}/${input.stepKey}` };
  }

  async closeTask(input: CloseTaskInput) {
    this.refuse('closeTask');
    if (this.write([input.entry])) this.closed.push(input);
    return { changed: true };
  }

  async changeTask(input: ChangeTaskInput) {
    this.refuse('changeTask');
    const fresh = this.write([input.entry]);
    if (fresh) this.changed.push(input);
    this.crash('changeTask');
    return { changed: fresh };
  }

  async recordAttempt(input: RecordAttemptInput) {
    this.refuse('recordAttempt');
    this.write([input.entry]);
    const recorded = !this.attempts.has(input.attemptId);
    if (recorded) this.attempts.set(input.attemptId, input);
    return { recorded };
  }

  async sendReminder(input: RecordTimelineInput) {
    this.refuse('sendReminder');
    if (this.write(input.entries)) this.reminders.push(input);
  }

  async recordTransition(input: RecordTransitionInput) {
    this.refuse('recordTransition');
    this.write(input.entries);
    this.recorded.push(input);
  }

  async recordTimeline(input: RecordTimelineInput) {
    this.refuse('recordTimeline');
    this.write(input.entries);
  }

  async recordFailure(input: RecordFailureInput) {
    this.refuse('recordFailure');
    this.write([input.entry]);
    this.failures.push(input);
  }

  kinds(): string[] {
    return [...this.timeline.values()].map((e) => (e.stepKey ? `${e.kind}:${e.stepKey}` : e.kind));
  }

  asActivities(): TransitionActivities {
    return bindActivities(this);
  }
}
