import { selectPathway, type PathwayDefinition, type TransitionFacts } from '@ct/domain/workflow-safe';
import type { TransitionLog } from './transition-log';
import {
  foldFacts,
  type CarriedState,
  type RunningState,
  type Trigger,
  type WaitingState,
} from './transition-state';

/** What the pathway is chosen by: the folded ADT facts and the referrals that joined the discharge. */
export function factsOf(trigger: Trigger, state: Pick<CarriedState, 'facts' | 'referrals'>): TransitionFacts {
  const facts = foldFacts(trigger, state.facts);
  const referrals = state.referrals;
  return referrals ? { ...facts, referralTypes: referrals.map((r) => r.type) } : facts;
}

/**
 * Starts the pathway once the discharge (or referral) is known and not cancelled; `waitExpired`:
 * the wait for a discharge is over.
 */
export async function startIfReady(log: TransitionLog, s: WaitingState, waitExpired: boolean): Promise<void> {
  if (
    s.trigger === 'discharge' &&
    s.cancelledAt &&
    s.dischargeOccurredAt !== undefined &&
    s.cancelledAt >= s.dischargeOccurredAt
  ) {
    return log.finish('cancelled', 'discharge-cancelled');
  }
  if (!s.trigger && waitExpired && s.referrals?.length && !s.cancelledAt) {
    // no discharge came for the visit (an outpatient or ED visit): schedule the referral itself
    s.trigger = 'referral';
    s.startedAt = s.referrals[0].occurredAt;
  }
  if (!s.trigger) {
    if (waitExpired) await log.finish('cancelled', s.cancelledAt ? 'discharge-cancelled' : 'no-discharge');
    return;
  }
  s.startedAt ??= s.dischargedAt;
  const selection = selectPathway(factsOf(s.trigger, s));
  switch (selection.kind) {
    case 'no-outreach':
    case 'no-pathway':
      return log.finish('no-outreach', selection.reason);
    case 'pathway': {
      // a discharge holds its time (dischargedAt), a referral its own (startedAt)
      log.runner.usePathway(selection.pathway, s.startedAt!);
      const chosen = log.runner.entry('pathway.selected', [selection.pathway.id], {
        version: selection.pathway.version,
      });
      return log.runner.recordStatus('active', [...log.take(), chosen]);
    }
  }
}

/** A08 and later discharge messages: choose again; keep the work that both pathways share. */
export async function reevaluate(log: TransitionLog, s: RunningState): Promise<void> {
  const selection = selectPathway(factsOf(s.trigger, s));
  switch (selection.kind) {
    case 'no-outreach':
      return log.finish('no-outreach', selection.reason);
    case 'no-pathway':
      return log.finish('cancelled', selection.reason);
    case 'pathway':
      if (selection.pathway.id === s.pathway.id) return;
      return changePathway(log, s, selection.pathway);
  }
}

async function changePathway(log: TransitionLog, s: RunningState, pathway: PathwayDefinition): Promise<void> {
  const keys = pathway.steps.map((d) => d.key);
  const dropped = s.steps.filter((r) => r.status === 'open' && !keys.includes(r.key));
  await Promise.all(dropped.map((r) => log.runner.closeStep(r, 'cancelled', 'pathway-changed', 'adt')));
  const from = s.pathway.id;
  log.runner.usePathway(pathway, s.startedAt);
  const changed = log.runner.entry('pathway.changed', [pathway.id, ++s.seq], { from, to: pathway.id });
  await log.runner.recordStatus(s.status, [...log.take(), changed]);
}
