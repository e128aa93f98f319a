import { definePathway } from '../pathway';

/** REF^I12: schedule the referred service within the referral's window; I13 moves it, I14 cancels. */
export const referralScheduling = definePathway({
  id: 'referral-scheduling',
  version: 1,
  title: 'Referral scheduling',
  trigger: 'referral',
  priority: 10,
  appliesWhen: [{}],
  onReadmission: 'pause',
  steps: [
    {
      key: 'schedule-referral',
      title: 'Schedule the referred service within its window',
      role: 'scheduler',
      clock: { kind: 'referralWindow', fallbackDays: 14 },
      remindBeforeHours: 48,
      completingOutcomes: ['scheduled'],
      retryOutcomes: ['unable-to-reach', 'awaiting-authorization'],
      escalation: [
        { action: 'reassign', afterHours: 0, role: 'scheduling-supervisor' },
        { action: 'raise-priority', afterHours: 24, priority: 'high' },
      ],
    },
  ],
});
