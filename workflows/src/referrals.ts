import { patched } from '@temporalio/workflow';
import type { ReferralEvent } from './care-transition.messages';
import { reevaluate } from './pathway-choice';
import type { TransitionLog } from './transition-log';
import { isRunning, pathwayOf, type CarriedState, type RunningState } from './transition-state';

type HeldReferral = NonNullable<CarriedState['referrals']>[number];

/** How a referral event changes a transition: one of its own, or the discharge it joined. */
export async function applyReferral(log: TransitionLog, e: ReferralEvent): Promise<void> {
  const s = log.state;
  s.patientKey ??= e.patientKey;
  // v4: a referral for this visit (home care) joins its discharge instead of replacing it
  const forThisVisit = e.visitNumber === log.runner.input.visitNumber && s.trigger !== 'referral';
  if (forThisVisit && patched('referral-joins-discharge')) return joinDischarge(log, e);
  switch (e.type) {
    case 'referral.cancelled':
      return log.finish('cancelled', 'referral-cancelled');
    case 'referral.created':
      if (e.expiresAt && !s.referralExpiresAt) s.referralExpiresAt = e.expiresAt;
      if (s.status === 'waiting-for-discharge') {
        s.trigger = 'referral';
        s.startedAt = e.occurredAt;
      }
      return;
    case 'referral.modified':
      if (!e.expiresAt) return;
      s.referralExpiresAt = e.expiresAt;
      if (isRunning(s)) await reschedule(log, s, e.eventId, e.expiresAt);
      return;
  }
}

/** An I13 with a new window moves the deadline of the open steps that run on it. */
async function reschedule(log: TransitionLog, s: RunningState, eventId: string, expiresAt: string) {
  for (const run of s.steps.filter((r) => r.status === 'open')) {
    const def = pathwayOf(s).steps.find((d) => d.key === run.key);
    if (def?.clock.kind !== 'referralWindow') continue;
    const dueAt = new Date(expiresAt).toISOString();
    Object.assign(run, { dueAt, reminded: false, breached: false, rungsDone: 0 });
    await log.runner.change(run, 'step.rescheduled', [eventId], { dueAt }, { dueAt });
  }
}

/** The referrals a transition holds after a referral event of its visit. */
export function heldReferrals(held: readonly HeldReferral[] | undefined, e: ReferralEvent): HeldReferral[] {
  const before = held?.find((r) => r.id === e.referralId);
  const others = (held ?? []).filter((r) => r.id !== e.referralId);
  switch (e.type) {
    case 'referral.cancelled':
      return others;
    case 'referral.created':
    case 'referral.modified': {
      const type = (e.referralType ?? before?.type ?? '').toUpperCase();
      return [...others, { id: e.referralId, type, occurredAt: before?.occurredAt ?? e.occurredAt }];
    }
  }
}

/**
 * A referral of this visit is one more fact the pathway is chosen by (a home care referral turns
 * TCM into home health); I13 updates it, I14 withdraws it and the pathway is chosen again.
 */
async function joinDischarge(log: TransitionLog, e: ReferralEvent): Promise<void> {
  const s = log.state;
  s.referrals = heldReferrals(s.referrals, e);
  if (e.expiresAt) s.referralExpiresAt = e.expiresAt;
  if (isRunning(s)) await reevaluate(log, s);
}
