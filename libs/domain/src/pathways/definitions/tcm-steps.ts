import type { PathwayInput } from '../pathway';

type StepInput = PathwayInput['steps'][number];

const supervisorLadder = [
  { action: 'reassign', afterHours: 0, role: 'care-team-supervisor' },
  { action: 'raise-priority', afterHours: 0, priority: 'urgent' },
  { action: 'notify', afterHours: 24, role: 'care-team-lead' },
] as const;

/**
 * The CMS TCM steps (CPT 99495/99496): contact within 2 business days, then the face-to-face
 * visit within `visitDays` with medication reconciliation alongside it, due no later than the visit.
 */
export function tcmSteps(visitDays: 7 | 14): StepInput[] {
  const visitClock = { kind: 'calendarDays', amount: visitDays, from: 'discharge' } as const;
  return [
    {
      key: 'tcm-contact',
      title: 'Interactive contact with the patient (TCM)',
      role: 'transitional-care-nurse',
      clock: { kind: 'businessDays', amount: 2, from: 'discharge' },
      remindBeforeHours: 4,
      completingOutcomes: ['reached-patient'],
      retryOutcomes: ['unable-to-reach'],
      // CMS: a contact within 2 business days, or two or more documented unsuccessful attempts in them
      attempts: { unsuccessfulToMeet: 2 },
      escalation: [...supervisorLadder],
    },
    {
      key: 'follow-up-visit',
      title: 'Face-to-face follow-up visit booked and held',
      role: 'scheduler',
      after: ['tcm-contact'],
      clock: visitClock,
      remindBeforeHours: 48,
      completingOutcomes: ['visit-held'],
      retryOutcomes: ['visit-booked', 'no-show', 'rescheduled'],
      escalation: [...supervisorLadder],
    },
    {
      key: 'medication-reconciliation',
      title: 'Medication reconciliation, no later than the follow-up visit',
      role: 'clinical-pharmacist',
      after: ['tcm-contact'],
      clock: visitClock,
      remindBeforeHours: 48,
      completingOutcomes: ['reconciled'],
      retryOutcomes: ['awaiting-medication-list'],
      escalation: [...supervisorLadder],
    },
  ];
}

/** The 30-day TCM service period, after which open work expires. */
export const TCM_HORIZON = { kind: 'calendarDays', amount: 30, from: 'discharge' } as const;
