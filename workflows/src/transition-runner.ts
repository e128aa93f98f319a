import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { RetryPolicy } from '@temporalio/common';
import type { CareEventType, RecordedTransitionStatus } from '@ct/contracts';
import {
  stepDeadline,
  type BusinessCalendar,
  type EscalationRung,
  type PathwayDefinition,
} from '@ct/domain/workflow-safe';
import {
  BAD_DATA,
  type CloseTaskInput,
  type RecordAttemptInput,
  type TimelineEntry,
  type TransitionActivities,
} from './care-transition.activities';
import type { CareTransitionInput } from './care-transition.messages';
import type { StepClockAction } from './step-clocks';
import {
  newStepRun,
  nextRevision,
  pathwayOf,
  type CarriedState,
  type OpenStep,
  type ReadyStep,
  type StepRun,
} from './transition-state';

const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute' };
const remote = proxyActivities<TransitionActivities>({ startToCloseTimeout: '30 seconds', retry });
// Short local retries in the worker; past a minute of failures the SDK backs off on a durable timer.
const local = proxyLocalActivities<TransitionActivities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * v3: the database writes run as local activities inside the workflow task that decides them, so
 * opening a transition costs one workflow task instead of three plus two activity tasks. Histories
 * from before the change replay with activity tasks.
 */
function db(): TransitionActivities {
  return patched('local-db-writes') ? local : remote;
}

type Write = {
  [K in keyof TransitionActivities]: (input: Parameters<TransitionActivities[K]>[0]) => Promise<unknown>;
};

/** The refusal itself: a local activity's failure arrives as it is, a remote one's as its cause. */
function badData(error: unknown): ApplicationFailure | undefined {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === BAD_DATA ? failure : undefined;
}

/** The side of a transition that acts: every decision goes to Postgres as a task change and a timeline entry. */
export class TransitionRunner {
  constructor(
    readonly input: CareTransitionInput,
    readonly state: CarriedState,
  ) {}

  get calendar(): BusinessCalendar {
    return { timeZone: this.input.timeZone, holidays: this.input.holidays };
  }

  get pathway(): PathwayDefinition | undefined {
    const { pathway } = this.state;
    return pathway ? pathwayOf({ pathway }) : undefined;
  }

  now(): string {
    return new Date(Date.now()).toISOString();
  }

  /** A timeline entry keyed so that a retried activity, or a replay, writes it once. */
  entry(
    kind: CareEventType,
    parts: (string | number)[],
    detail?: TimelineEntry['detail'],
    stepKey?: string,
  ): TimelineEntry {
    const dedupeKey = [this.input.transitionId, this.state.episode, kind, ...parts].join('|');
    return { kind, stepKey, occurredAt: this.now(), dedupeKey, detail };
  }

  private ref() {
    return {
      transitionId: this.input.transitionId,
      facility: this.input.facility,
      pathway: this.state.pathway?.id ?? null,
    };
  }

  /**
   * One database write. v4: data the database refuses for good (BadData) ends the transition as
   * failed, recorded with its reason, instead of being retried for ever; the error thrown then
   * stops the workflow's loop (or rejects the update that caused it).
   */
  private async write<K extends keyof TransitionActivities>(
    name: K,
    input: Parameters<TransitionActivities[K]>[0],
  ): Promise<Awaited<ReturnType<TransitionActivities[K]>>> {
    try {
      const call = db()[name] as Write[K];
      return (await call(input)) as Awaited<ReturnType<TransitionActivities[K]>>;
    } catch (error) {
      const refusal = badData(error);
      if (!refusal || !patched('bad-data-fails-transition')) throw error;
      throw await this.fail(name, refusal);
    }
  }

  private async fail(activity: string, refusal: ApplicationFailure): Promise<ApplicationFailure> {
    const reason = `bad data in ${activity}: ${refusal.message}`.slice(0, 500);
    if (this.state.status !== 'failed') {
      this.state.status = 'failed';
      this.state.reason = reason;
      const entry = this.entry('transition.failed', [++this.state.seq], { activity, reason });
      await db().recordFailure({ ...this.ref(), activity, reason, entry });
    }
    return ApplicationFailure.create({ type: 'TransitionFailed', nonRetryable: true, message: reason });
  }

  async record(entries: TimelineEntry[]): Promise<void> {
    if (entries.length) await this.write('recordTimeline', { ...this.ref(), entries });
  }

  async recordStatus(status: RecordedTransitionStatus, entries: TimelineEntry[] = []): Promise<void> {
    this.state.status = status;
    await this.write('recordTransition', {
      ...this.ref(),
      pathway: this.state.pathway?.id ?? 'none',
      patientKey: this.state.patientKey ?? 'unknown',
      status,
      dischargedAt: this.state.dischargedAt,
      reason: this.state.reason,
      entries: [
        ...entries,
        this.entry(`transition.${status}`, [++this.state.seq], { reason: this.state.reason ?? null }),
      ],
    });
  }

  usePathway(pathway: PathwayDefinition, start: string): void {
    this.state.pathway = { id: pathway.id, version: pathway.version };
    const keep = new Map(this.state.steps.map((s) => [s.key, s]));
    this.state.steps = pathway.steps.map((def) => keep.get(def.key) ?? newStepRun(def.key, def.role));
    this.state.horizonAt = pathway.horizon ? this.deadline(pathway.horizon, start) : undefined;
  }

  private deadline(clock: PathwayDefinition['steps'][number]['clock'], opened: string): string {
    const start = this.state.startedAt ?? opened;
    const times = {
      discharge: this.state.dischargedAt ?? start,
      stepOpened: opened,
      start,
      referralDueBy: this.state.referralExpiresAt,
    };
    return stepDeadline(clock, times, this.calendar).toISOString();
  }

  async openStep({ def, run }: ReadyStep): Promise<void> {
    const opened = this.now();
    const dueAt = this.deadline(def.clock, opened);
    const open: OpenStep = Object.assign(run, { status: 'open' as const, openedAt: opened, dueAt });
    if (def.expiresAfter) open.expiresAt = this.deadline(def.expiresAfter, opened);
    await this.write('openTask', {
      ...this.ref(),
      stepKey: open.key,
      role: open.role,
      title: def.title,
      patientKey: this.state.patientKey ?? 'unknown',
      dueAt,
      episode: this.state.episode,
      revision: nextRevision(open),
      entry: this.entry('step.opened', [open.key], { role: open.role, dueAt }, open.key),
    });
  }

  /** `done`: when the work actually happened (and how an outreach step was met), on the task and the entry. */
  async closeStep(
    run: StepRun,
    status: 'completed' | 'cancelled' | 'expired',
    outcome: string,
    by: string,
    done: { doneAt?: string; metBy?: CloseTaskInput['metBy'] } = {},
  ): Promise<void> {
    run.status = status;
    run.outcome = outcome;
    run.metBy = done.metBy;
    const detail: TimelineEntry['detail'] = { outcome, by };
    if (done.doneAt) detail.doneAt = done.doneAt;
    if (done.metBy) detail.metBy = done.metBy;
    await this.write('closeTask', {
      ...this.ref(),
      stepKey: run.key,
      status: status === 'completed' ? 'completed' : 'cancelled',
      outcome,
      closedBy: by,
      ...done,
      revision: nextRevision(run),
      entry: this.entry(`step.${status}`, [run.key], detail, run.key),
    });
  }

  async recordAttempt(
    input: Omit<RecordAttemptInput, 'transitionId' | 'facility' | 'pathway'>,
  ): Promise<void> {
    await this.write('recordAttempt', { ...this.ref(), ...input });
  }

  async closeOpenSteps(outcome: string): Promise<void> {
    const open = this.state.steps.filter((s) => s.status === 'open');
    await Promise.all(open.map((s) => this.closeStep(s, 'cancelled', outcome, 'adt')));
    for (const s of this.state.steps) s.status = s.status === 'pending' ? 'cancelled' : s.status;
  }

  async change(
    run: StepRun,
    kind: CareEventType,
    parts: (string | number)[],
    change: {
      role?: string;
      priority?: 'high' | 'urgent';
      dueAt?: string;
      /** null: back to the pool. */
      assignee?: string | null;
      breached?: boolean;
    },
    detail: TimelineEntry['detail'],
  ): Promise<void> {
    await this.write('changeTask', {
      ...this.ref(),
      stepKey: run.key,
      ...change,
      revision: nextRevision(run),
      entry: this.entry(kind, [run.key, ...parts], detail, run.key),
    });
  }

  /** Reminders, breaches, escalation rungs and outer bounds; the transition keeps going after each. */
  async runClock(action: StepClockAction): Promise<void> {
    const run = action.step;
    switch (action.kind) {
      case 'remind': {
        run.reminded = true;
        const entry = this.entry('reminder.sent', [run.key], { role: run.role, dueAt: run.dueAt }, run.key);
        return this.write('sendReminder', { ...this.ref(), entries: [entry] });
      }
      case 'breach': {
        run.breached = true;
        // v2: the owner hears the step is overdue before the ladder moves it (histories before it replay without)
        if (patched('breach-tells-owner')) {
          const detail = { role: run.role, dueAt: run.dueAt, overdue: true };
          const overdue = this.entry('reminder.sent', [run.key, 'overdue'], detail, run.key);
          await this.write('sendReminder', { ...this.ref(), entries: [overdue] });
        }
        const reason = `${run.key} not done by ${run.dueAt}; last outcome ${run.outcome ?? 'none'}`;
        return this.change(run, 'breach.recorded', [], { breached: true }, { dueAt: run.dueAt, reason });
      }
      case 'rung':
        return this.runRung(run, action.rung, action.index);
      case 'expire':
        await this.closeStep(run, 'expired', 'expired', 'clock');
        return this.change(
          run,
          'breach.recorded',
          ['outer-bound'],
          { breached: true },
          { dueAt: action.expiresAt, reason: `${run.key} past its outer bound` },
        );
    }
  }

  private async runRung(run: OpenStep, rung: EscalationRung, index: number): Promise<void> {
    run.rungsDone = index + 1;
    switch (rung.action) {
      case 'reassign':
        run.role = rung.role;
        return this.change(
          run,
          'escalation.reassign',
          [index],
          { role: rung.role },
          { rung: index, target: rung.role },
        );
      case 'raise-priority':
        run.priority = rung.priority;
        return this.change(
          run,
          'escalation.raise-priority',
          [index],
          { priority: rung.priority },
          { rung: index, target: rung.priority },
        );
      case 'notify':
        return this.change(run, 'escalation.notify', [index], {}, { rung: index, target: rung.role });
    }
  }
}
