import { patched, workflowInfo } from '@temporalio/workflow';
import { isReadmission, selectPathway } from '@ct/domain/workflow-safe';
import type { TimelineEntry } from './care-transition.activities';
import type { ReferralEvent, TransitionEvent } from './care-transition.messages';
import { dueClockActions } from './step-clocks';
import type { TransitionRunner } from './transition-runner';
import {
  at,
  foldFacts,
  isRunning,
  readySteps,
  type EndedStatus,
  type RunningStatus,
} from './transition-state';
import type { TransitionFacts } from '@ct/domain/workflow-safe';

export type Inbound =
  { source: 'adt'; event: TransitionEvent } | { source: 'referral'; event: ReferralEvent };

/** A transition started by an out-of-order event waits this long for its discharge. */
const WAIT_FOR_DISCHARGE_MS = 7 * 24 * 3_600_000;
const FACT_TYPES = ['patient.discharged', 'patient.updated', 'patient.class-changed'];
/** Events about another visit of the patient that concern this transition. */
const CROSS_VISIT = ['patient.admitted', 'patients.merged'];

/** How ADT and referral events change a transition, before and after its pathway started. */
export class TransitionEvents {
  private pending: TimelineEntry[] = [];
  private waitExpired = false;

  constructor(private readonly runner: TransitionRunner) {}

  private get state() {
    return this.runner.state;
  }

  waitingUntil(): number | undefined {
    if (this.state.status !== 'waiting-for-discharge') return undefined;
    return workflowInfo().runStartTime.getTime() + WAIT_FOR_DISCHARGE_MS;
  }

  timeReached(): void {
    if (this.state.status === 'waiting-for-discharge') this.waitExpired = true;
  }

  async apply(item: Inbound): Promise<void> {
    const { event } = item;
    this.pending.push(
      this.runner.entry('event.received', [event.eventId], { eventId: event.eventId, type: event.type }),
    );
    if (item.source === 'referral') await this.applyReferral(item.event);
    else await this.applyAdt(item.event);
    if (this.state.status !== 'waiting-for-discharge') await this.flush();
  }

  private async flush(): Promise<void> {
    const entries = this.pending;
    this.pending = [];
    await this.runner.record(entries);
  }

  private async finish(status: EndedStatus, reason: string, closeOutcome = reason): Promise<void> {
    this.state.reason = reason;
    await this.runner.closeOpenSteps(closeOutcome);
    const entries = this.pending;
    this.pending = [];
    await this.runner.recordStatus(status, entries);
  }

  private ignore(event: { eventId: string }, reason: string): void {
    this.pending.push(
      this.runner.entry('event.ignored', [event.eventId], { eventId: event.eventId, reason }),
    );
  }

  private async applyAdt(e: TransitionEvent): Promise<void> {
    const s = this.state;
    s.patientKey ??= e.patientKey;
    if (
      e.visitNumber !== undefined &&
      e.visitNumber !== this.runner.input.visitNumber &&
      !CROSS_VISIT.includes(e.type)
    ) {
      // another visit's discharge reaches a paused transition only (the orchestrator sends it there);
      // not behind patched(): no earlier history holds another visit's A03/A08, nothing routed them
      if (s.status === 'paused' && e.type === 'patient.discharged') return this.resume();
      return this.ignore(e, 'other-visit');
    }
    if (FACT_TYPES.includes(e.type)) {
      s.facts.push({
        occurredAt: e.occurredAt,
        patientClass: e.patientClass,
        disposition: e.dischargeDisposition,
        service: e.hospitalService,
        diagnoses: e.diagnoses,
      });
    }
    if (e.type === 'patient.discharged' && s.status === 'waiting-for-discharge') {
      s.trigger = 'discharge';
      s.dischargedAt = e.dischargeAt ?? e.occurredAt;
      s.dischargeOccurredAt = e.occurredAt;
    } else if (e.type === 'discharge.cancelled') {
      // a cancel older than the discharge we hold was for an earlier discharge
      if (s.dischargeOccurredAt && e.occurredAt < s.dischargeOccurredAt)
        return this.ignore(e, 'older-than-discharge');
      s.cancelledAt = e.occurredAt;
      if (s.status !== 'waiting-for-discharge') await this.finish('cancelled', 'discharge-cancelled');
    } else if (e.type === 'patients.merged') {
      s.patientKey = e.patientKey;
      if (s.status !== 'waiting-for-discharge') {
        const merged = this.runner.entry('patient.merged', [e.eventId], { eventId: e.eventId });
        await this.runner.recordStatus(s.status, [...this.pending.splice(0), merged]);
      }
    } else if (e.type === 'patient.admitted') {
      await this.admitted(e);
    } else if (FACT_TYPES.includes(e.type) && isRunning(s.status)) {
      await this.reevaluate(s.status);
    } else if (!FACT_TYPES.includes(e.type)) {
      this.ignore(e, 'not-relevant');
    }
  }

  private async applyReferral(e: ReferralEvent): Promise<void> {
    const s = this.state;
    s.patientKey ??= e.patientKey;
    // v4: a referral for this visit (home care) joins its discharge instead of replacing it
    const forThisVisit = e.visitNumber === this.runner.input.visitNumber && s.trigger !== 'referral';
    if (forThisVisit && patched('referral-joins-discharge')) return this.joinDischarge(e);
    if (e.type === 'referral.cancelled') return this.finish('cancelled', 'referral-cancelled');
    if (e.expiresAt && (!s.referralExpiresAt || e.type === 'referral.modified'))
      s.referralExpiresAt = e.expiresAt;
    if (e.type === 'referral.created' && s.status === 'waiting-for-discharge') {
      s.trigger = 'referral';
      s.startedAt = e.occurredAt;
      return;
    }
    if (e.type !== 'referral.modified' || !e.expiresAt) return;
    for (const run of s.steps.filter((r) => r.status === 'open')) {
      const def = this.runner.pathway!.steps.find((d) => d.key === run.key)!;
      if (def.clock.kind !== 'referralWindow') continue;
      Object.assign(run, {
        dueAt: new Date(e.expiresAt).toISOString(),
        reminded: false,
        breached: false,
        rungsDone: 0,
      });
      await this.runner.change(
        run,
        'step.rescheduled',
        [e.eventId],
        { dueAt: run.dueAt },
        { dueAt: run.dueAt! },
      );
    }
  }

  /**
   * A referral of this visit is one more fact the pathway is chosen by (a home care referral turns
   * TCM into home health); I13 updates it, I14 withdraws it and the pathway is chosen again.
   */
  private async joinDischarge(e: ReferralEvent): Promise<void> {
    const s = this.state;
    const held = s.referrals?.find((r) => r.id === e.referralId);
    const others = (s.referrals ?? []).filter((r) => r.id !== e.referralId);
    const type = (e.referralType ?? held?.type ?? '').toUpperCase();
    s.referrals =
      e.type === 'referral.cancelled'
        ? others
        : [...others, { id: e.referralId, type, occurredAt: held?.occurredAt ?? e.occurredAt }];
    if (e.expiresAt) s.referralExpiresAt = e.expiresAt;
    if (isRunning(s.status)) await this.reevaluate(s.status);
  }

  private facts(): TransitionFacts {
    const facts = foldFacts(this.state.trigger!, this.state.facts);
    const referrals = this.state.referrals;
    return referrals ? { ...facts, referralTypes: referrals.map((r) => r.type) } : facts;
  }

  /** Starts the pathway once the discharge (or referral) is known and not cancelled. */
  async startIfReady(): Promise<void> {
    const s = this.state;
    if (s.trigger === 'discharge' && s.cancelledAt && s.cancelledAt >= s.dischargeOccurredAt!) {
      return this.finish('cancelled', 'discharge-cancelled');
    }
    if (!s.trigger && this.waitExpired && s.referrals?.length && !s.cancelledAt) {
      // no discharge came for the visit (an outpatient or ED visit): schedule the referral itself
      s.trigger = 'referral';
      s.startedAt = s.referrals[0].occurredAt;
    }
    if (!s.trigger) {
      if (this.waitExpired)
        await this.finish('cancelled', s.cancelledAt ? 'discharge-cancelled' : 'no-discharge');
      return;
    }
    s.startedAt ??= s.dischargedAt;
    const selection = selectPathway(this.facts());
    if (selection.kind !== 'pathway') return this.finish('no-outreach', selection.reason);
    this.runner.usePathway(selection.pathway, s.startedAt!);
    const chosen = this.runner.entry('pathway.selected', [selection.pathway.id], {
      version: selection.pathway.version,
    });
    await this.runner.recordStatus('active', [...this.pending.splice(0), chosen]);
  }

  /** A08 and later discharge messages: choose again; keep the work that both pathways share. */
  private async reevaluate(status: RunningStatus): Promise<void> {
    const s = this.state;
    const selection = selectPathway(this.facts());
    if (selection.kind !== 'pathway') {
      return this.finish(selection.kind === 'no-outreach' ? 'no-outreach' : 'cancelled', selection.reason);
    }
    if (selection.pathway.id === s.pathway?.id) return;
    const keys = selection.pathway.steps.map((d) => d.key);
    const dropped = s.steps.filter((r) => r.status === 'open' && !keys.includes(r.key));
    await Promise.all(dropped.map((r) => this.runner.closeStep(r, 'cancelled', 'pathway-changed', 'adt')));
    const from = s.pathway?.id ?? null;
    this.runner.usePathway(selection.pathway, s.startedAt!);
    const changed = this.runner.entry('pathway.changed', [selection.pathway.id, ++s.seq], {
      from,
      to: selection.pathway.id,
    });
    await this.runner.recordStatus(status, [...this.pending.splice(0), changed]);
  }

  private async admitted(e: TransitionEvent): Promise<void> {
    const s = this.state;
    if (e.visitNumber === this.runner.input.visitNumber || !['active', 'paused'].includes(s.status))
      return this.ignore(e, 'same-visit');
    const admittedAt = e.admitAt ?? e.occurredAt;
    const readmitted =
      s.trigger === 'referral' || (s.dischargedAt !== undefined && isReadmission(s.dischargedAt, admittedAt));
    if (!readmitted) return this.ignore(e, 'outside-readmission-window');
    this.pending.push(this.runner.entry('readmission.detected', [e.eventId], { eventId: e.eventId }));
    if (this.runner.pathway!.onReadmission === 'close') return this.finish('superseded', 'readmitted');
    s.pausedAt = this.runner.now();
    await this.runner.recordStatus('paused', this.pending.splice(0));
  }

  /** After a pause the clocks go on where they stopped: every deadline moves by the pause. */
  private async resume(): Promise<void> {
    const s = this.state;
    const shift = Date.now() - at(s.pausedAt!);
    const move = (iso?: string) => (iso ? new Date(at(iso) + shift).toISOString() : undefined);
    s.horizonAt = move(s.horizonAt);
    s.pausedAt = undefined;
    for (const run of s.steps.filter((r) => r.status === 'open')) {
      Object.assign(run, { dueAt: move(run.dueAt), expiresAt: move(run.expiresAt) });
      await this.runner.change(
        run,
        'step.rescheduled',
        [++s.seq],
        { dueAt: run.dueAt },
        { dueAt: run.dueAt! },
      );
    }
    await this.runner.recordStatus('active', this.pending.splice(0));
  }

  /** Opens the steps that may start and runs whatever clock has come due. */
  async advance(): Promise<void> {
    const s = this.state;
    const pathway = this.runner.pathway!;
    for (;;) {
      const ready = readySteps(pathway, s.steps);
      await Promise.all(ready.map((key) => this.runner.openStep(s.steps.find((r) => r.key === key)!)));
      if (s.steps.every((r) => ['completed', 'expired', 'cancelled'].includes(r.status))) {
        return this.finish(
          'completed',
          s.steps.some((r) => r.status === 'expired') ? 'steps-expired' : 'all-steps-done',
        );
      }
      const actions = dueClockActions(s, pathway, Date.now());
      if (!actions.length && !ready.length) return;
      for (const action of actions) {
        if (action.kind === 'horizon') {
          // a step that expired at the same instant leaves nothing open: that is completion
          const left = s.steps.some((r) => r.status === 'open' || r.status === 'pending');
          if (left) return this.finish('expired', 'pathway-horizon', 'expired');
          continue;
        }
        await this.runner.runClock(action);
      }
    }
  }
}
