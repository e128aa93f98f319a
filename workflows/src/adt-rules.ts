import type { AdtEventType } from '@ct/contracts';
import type { TransitionEvent } from './care-transition.messages';
import { reevaluate } from './pathway-choice';
import { admitted, resume } from './readmission';
import type { TransitionLog } from './transition-log';
import { isRunning, type CarriedState } from './transition-state';

/** What an ADT event of this visit does to the transition. */
export type AdtRule =
  /** the discharge: its times start the pathway */
  | { kind: 'discharge' }
  /** new facts for a running pathway: choose it again */
  | { kind: 'reevaluate' }
  /** facts kept for the pathway to be chosen by, nothing else yet */
  | { kind: 'keep' }
  | { kind: 'cancel' }
  | { kind: 'merge' }
  | { kind: 'admit' }
  | { kind: 'ignore'; reason: 'older-than-discharge' | 'not-relevant' };

/** Events about another visit of the patient that concern this transition. */
const CROSS_VISIT: readonly AdtEventType[] = ['patient.admitted', 'patients.merged'];

/** Events whose facts (class, disposition, service, diagnoses) the pathway is chosen by. */
export function isFactEvent(type: AdtEventType): boolean {
  return type === 'patient.discharged' || type === 'patient.updated' || type === 'patient.class-changed';
}

/** An event about another of the patient's visits, that is neither an admission nor a merge. */
export function isOtherVisit(e: TransitionEvent, visitNumber: string): boolean {
  return e.visitNumber !== undefined && e.visitNumber !== visitNumber && !CROSS_VISIT.includes(e.type);
}

export function adtRule(
  e: TransitionEvent,
  s: Pick<CarriedState, 'status' | 'dischargeOccurredAt'>,
): AdtRule {
  const running = s.status === 'active' || s.status === 'paused';
  switch (e.type) {
    case 'patient.discharged':
      if (s.status === 'waiting-for-discharge') return { kind: 'discharge' };
      return { kind: running ? 'reevaluate' : 'keep' };
    case 'patient.updated':
    case 'patient.class-changed':
      return { kind: running ? 'reevaluate' : 'keep' };
    case 'discharge.cancelled':
      // a cancel older than the discharge we hold was for an earlier discharge
      if (s.dischargeOccurredAt && e.occurredAt < s.dischargeOccurredAt)
        return { kind: 'ignore', reason: 'older-than-discharge' };
      return { kind: 'cancel' };
    case 'patients.merged':
      return { kind: 'merge' };
    case 'patient.admitted':
      return { kind: 'admit' };
    case 'patient.registered':
    case 'patient.pre-admitted':
    case 'patient.transferred':
    case 'admit.cancelled':
    case 'transfer.cancelled':
      return { kind: 'ignore', reason: 'not-relevant' };
  }
}

/** How an ADT event changes a transition, before and after its pathway started. */
export async function applyAdt(log: TransitionLog, e: TransitionEvent): Promise<void> {
  const s = log.state;
  s.patientKey ??= e.patientKey;
  if (isOtherVisit(e, log.runner.input.visitNumber)) {
    // another visit's discharge reaches a paused transition only (the orchestrator sends it there);
    // not behind patched(): no earlier history holds another visit's A03/A08, nothing routed them
    if (s.status === 'paused' && e.type === 'patient.discharged') return resume(log, s);
    return log.ignore(e, 'other-visit');
  }
  if (isFactEvent(e.type)) {
    s.facts.push({
      occurredAt: e.occurredAt,
      patientClass: e.patientClass,
      disposition: e.dischargeDisposition,
      service: e.hospitalService,
      diagnoses: e.diagnoses,
    });
  }
  const rule = adtRule(e, s);
  switch (rule.kind) {
    case 'discharge':
      s.trigger = 'discharge';
      s.dischargedAt = e.dischargeAt ?? e.occurredAt;
      s.dischargeOccurredAt = e.occurredAt;
      return;
    case 'reevaluate':
      if (isRunning(s)) await reevaluate(log, s);
      return;
    case 'keep':
      return;
    case 'cancel':
      s.cancelledAt = e.occurredAt;
      if (s.status !== 'waiting-for-discharge') await log.finish('cancelled', 'discharge-cancelled');
      return;
    case 'merge':
      s.patientKey = e.patientKey;
      if (s.status !== 'waiting-for-discharge') {
        const merged = log.runner.entry('patient.merged', [e.eventId], { eventId: e.eventId });
        await log.runner.recordStatus(s.status, [...log.take(), merged]);
      }
      return;
    case 'admit':
      return admitted(log, e);
    case 'ignore':
      return log.ignore(e, rule.reason);
  }
}
