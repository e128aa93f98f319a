import { definePathway } from '../pathway';

/**
 * HEDIS FUH: outpatient follow-up within 7 days of a mental health discharge, 30 days the outer
 * bound; a visit on the discharge day does not count.
 */
export const mentalHealthFollowUp = definePathway({
  id: 'mental-health-follow-up',
  version: 1,
  title: 'Follow-up after a mental health stay (FUH)',
  trigger: 'discharge',
  priority: 30,
  appliesWhen: [
    { patientClasses: ['I'], services: ['PSY'] },
    { patientClasses: ['I'], primaryDiagnosisPrefixes: ['F'] },
  ],
  onReadmission: 'close',
  horizon: { kind: 'calendarDays', amount: 30, from: 'discharge' },
  steps: [
    {
      key: 'fuh-follow-up-visit',
      title: 'Outpatient mental health follow-up visit',
      role: 'behavioral-health-coordinator',
      clock: { kind: 'calendarDays', amount: 7, from: 'discharge' },
      expiresAfter: { kind: 'calendarDays', amount: 30, from: 'discharge' },
      notOnDischargeDay: true,
      remindBeforeHours: 48,
      completingOutcomes: ['visit-held'],
      retryOutcomes: ['visit-booked', 'no-show', 'unable-to-reach'],
      escalation: [
        { action: 'reassign', afterHours: 0, role: 'behavioral-health-supervisor' },
        { action: 'raise-priority', afterHours: 0, priority: 'urgent' },
        { action: 'notify', afterHours: 72, role: 'care-team-lead' },
      ],
    },
  ],
});
