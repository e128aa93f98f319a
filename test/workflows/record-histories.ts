import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  adtEventSignal,
  claimStepUpdate,
  completeStepUpdate,
  reassignStepUpdate,
  recordAttemptUpdate,
  referralEventSignal,
  unclaimStepUpdate,
} from '@ct/workflows/care-transition.messages';
import { dischargeEvent, eventuallyState, withTransition, type Harness } from './transition-harness';

/** Scenarios whose histories the replay test keeps; re-record only for a deliberate, patched change. */
export const SCENARIOS: Record<string, (h: Harness) => Promise<WorkflowHandle>> = {
  'tcm-on-time': async (h) => {
    await h.skipTo('2055-01-08T21:30:00.000Z');
    const handle = await h.start(dischargeEvent('2055-01-08T21:30:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    await h.complete(handle, 'tcm-contact', 'unable-to-reach');
    await h.complete(handle, 'tcm-contact', 'reached-patient');
    await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    await h.complete(handle, 'medication-reconciliation', 'reconciled');
    await h.complete(handle, 'follow-up-visit', 'visit-held');
    await handle.result();
    return handle;
  },
  // v5 (outreach-attempts, actual-times): two unsuccessful attempts meet the contact; completions say when
  'tcm-outreach-attempts': async (h) => {
    await h.skipTo('2055-01-08T21:30:00.000Z');
    const handle = await h.start(dischargeEvent('2055-01-08T21:30:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    await h.skipTo('2055-01-12T15:00:00.000Z');
    for (const [attemptId, outcome, contactedAt] of [
      ['00000000-0000-4000-8000-000000000001', 'no-answer', '2055-01-11T15:00:00.000Z'],
      ['00000000-0000-4000-8000-000000000002', 'left-message', '2055-01-12T14:00:00.000Z'],
    ] as const) {
      const args = {
        attemptId,
        stepKey: 'tcm-contact',
        channel: 'phone' as const,
        outcome,
        contactedAt,
        recordedBy: 'nurse-1',
      };
      await handle.executeUpdate(recordAttemptUpdate, { updateId: attemptId, args: [args] });
    }
    await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    for (const [stepKey, outcome] of [
      ['medication-reconciliation', 'reconciled'],
      ['follow-up-visit', 'visit-held'],
    ] as const) {
      const args = { stepKey, outcome, completedBy: 'nurse-1', occurredAt: '2055-01-12T13:00:00.000Z' };
      await handle.executeUpdate(completeStepUpdate, { args: [args] });
    }
    await handle.result();
    return handle;
  },
  // recorded before claims were guarded (patch claim-guard): a second claim by the holder wrote again
  'tcm-claimed': async (h) => {
    await h.skipTo('2055-01-08T21:30:00.000Z');
    const handle = await h.start(dischargeEvent('2055-01-08T21:30:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    await h.claim(handle, 'tcm-contact');
    await h.claim(handle, 'tcm-contact');
    await h.complete(handle, 'tcm-contact', 'reached-patient');
    await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    await h.complete(handle, 'medication-reconciliation', 'reconciled');
    await h.complete(handle, 'follow-up-visit', 'visit-held');
    await handle.result();
    return handle;
  },
  // claim-guard: a claim refused while held, unclaim, a supervisor's reassignment, If-Match
  'tcm-claim-guard': async (h) => {
    await h.skipTo('2055-01-08T21:30:00.000Z');
    const handle = await h.start(dischargeEvent('2055-01-08T21:30:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    const stepKey = 'tcm-contact';
    await h.claim(handle, stepKey, 'nurse-a');
    await h.claim(handle, stepKey, 'nurse-a'); // the holder again: nothing written
    await h.claim(handle, stepKey, 'nurse-b').catch(() => undefined); // refused: held
    await handle.executeUpdate(unclaimStepUpdate, { args: [{ stepKey, by: 'nurse-a' }] });
    const { revision } = await handle.executeUpdate(claimStepUpdate, {
      args: [{ stepKey, claimedBy: 'nurse-b', ifMatch: 3 }],
    });
    const reassign = { stepKey, assignee: 'nurse-c', reason: 'absence' as const, by: 'supervisor-1' };
    await handle
      .executeUpdate(reassignStepUpdate, { args: [{ ...reassign, ifMatch: revision - 1 }] })
      .catch(() => undefined);
    await handle.executeUpdate(reassignStepUpdate, { args: [{ ...reassign, ifMatch: revision }] });
    await h.complete(handle, stepKey, 'reached-patient').catch(() => undefined); // refused: nurse-c holds it
    await handle.executeUpdate(completeStepUpdate, {
      args: [{ stepKey, outcome: 'reached-patient', completedBy: 'nurse-c' }],
    });
    await eventuallyState(handle, (s) => s.currentStep === 'follow-up-visit');
    await h.complete(handle, 'medication-reconciliation', 'reconciled');
    await h.complete(handle, 'follow-up-visit', 'visit-held');
    await handle.result();
    return handle;
  },
  'tcm-breach-escalation': async (h) => {
    await h.skipTo('2055-01-08T21:30:00.000Z');
    const handle = await h.start(dischargeEvent('2055-01-08T21:30:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    await handle.result(); // time skips to the 30-day horizon through every rung
    return handle;
  },
  'home-health-cancelled': async (h) => {
    await h.skipTo('2055-03-01T17:00:00.000Z');
    const handle = await h.start(dischargeEvent('2055-03-01T17:00:00.000Z', { dischargeDisposition: '06' }));
    await eventuallyState(handle, (s) => s.steps.filter((x) => x.status === 'open').length === 2);
    await handle.signal(adtEventSignal, {
      ...dischargeEvent('2055-03-01T18:00:00.000Z'),
      eventId: 'evt-cancel',
      type: 'discharge.cancelled',
    });
    await handle.result();
    return handle;
  },
  'bad-data-fails': async (h) => {
    h.activities.refuseData.add('openTask');
    await h.skipTo('2055-02-02T15:00:00.000Z');
    const handle = await h.start(dischargeEvent('2055-02-02T15:00:00.000Z'));
    await handle.result(); // failed: the task's data was refused
    return handle;
  },
  'home-care-referral': async (h) => {
    await h.skipTo('2055-03-01T17:00:00.000Z');
    const handle = await h.start(dischargeEvent('2055-03-01T17:00:00.000Z'));
    await eventuallyState(handle, (s) => s.currentStep === 'tcm-contact');
    const referral = {
      patientKey: 'RIVERSIDE|MRN1',
      referralId: 'HH1',
      visitNumber: 'V1',
      referralType: 'HOM',
      occurredAt: '2055-03-01T19:00:00.000Z',
    };
    await handle.signal(referralEventSignal, { ...referral, eventId: 'i12', type: 'referral.created' });
    await eventuallyState(handle, (s) => s.pathwayId === 'discharge-home-health');
    await handle.signal(referralEventSignal, { ...referral, eventId: 'i14', type: 'referral.cancelled' });
    await eventuallyState(handle, (s) => s.pathwayId === 'tcm-discharge-home');
    await handle.signal(adtEventSignal, {
      ...dischargeEvent('2055-03-01T20:00:00.000Z'),
      eventId: 'evt-cancel',
      type: 'discharge.cancelled',
    });
    await handle.result();
    return handle;
  },
};

/**
 * Writes `<scenario>.json`, or `<scenario>.<label>.json` with a label (name it after the patch), so
 * histories of earlier versions stay and keep being replayed; `only` names the scenarios to record
 * (a new scenario for a new patch, without copies of the others).
 */
export async function recordHistories(
  dir = path.join(__dirname, 'histories'),
  label?: string,
  only?: string[],
): Promise<void> {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (only && !only.includes(name)) continue;
    await withTransition(async (h) => {
      const handle = await scenario(h);
      const history = await handle.fetchHistory();
      const json = temporal.api.history.v1.History.toObject(
        temporal.api.history.v1.History.fromObject(history),
        {
          longs: String,
          enums: String,
          bytes: String,
        },
      );
      const file = label ? `${name}.${label}.json` : `${name}.json`;
      writeFileSync(path.join(dir, file), JSON.stringify(json, null, 1) + '\n');
    });
  }
}
