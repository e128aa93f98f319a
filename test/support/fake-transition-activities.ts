import type {
  ChangeTaskInput,
  CloseTaskInput,
  OpenTaskInput,
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
  /** The timeline as the database would keep it: one entry per dedupe key. */
  readonly timeline = new Map<string, TimelineEntry>();
  /** Set to make the next call of an activity fail once after writing (a crash before it answered). */
  failOnce = new Set<keyof TransitionActivities>();

  private write(entries: TimelineEntry[]): boolean {
    const fresh = entries.filter((e) => !this.timeline.has(e.dedupeKey));
    for (const e of fresh) this.timeline.set(e.dedupeKey, e);
    return fresh.length > 0;
  }

  private crash(name: keyof TransitionActivities): void {
    if (this.failOnce.delete(name)) throw new Error(`${name}: simulated crash after the write`);
  }

  async openTask(input: OpenTaskInput) {
    if (this.write([input.entry])) this.opened.push(input);
    return { taskId: `${input.transitionId}/${input.stepKey}` };
  }

  async closeTask(input: CloseTaskInput) {
    if (this.write([input.entry])) this.closed.push(input);
    return { changed: true };
  }

  async changeTask(input: ChangeTaskInput) {
    const fresh = this.write([input.entry]);
    if (fresh) this.changed.push(input);
    this.crash('changeTask');
    return { changed: fresh };
  }

  async sendReminder(input: RecordTimelineInput) {
    if (this.write(input.entries)) this.reminders.push(input);
  }

  async recordTransition(input: RecordTransitionInput) {
    this.write(input.entries);
    this.recorded.push(input);
  }

  async recordTimeline(input: RecordTimelineInput) {
    this.write(input.entries);
  }

  kinds(): string[] {
    return [...this.timeline.values()].map((e) => (e.stepKey ? `${e.kind}:${e.stepKey}` : e.kind));
  }

  asActivities(): TransitionActivities {
    return bindActivities(this);
  }
}
