import type { PathwayDefinition } from './pathway';

/** Transitional Care Management after discharge home (CMS CPT 99495: moderate complexity). */
export const tcmDischargeHome: PathwayDefinition = {
  id: 'tcm-discharge-home',
  version: 1,
  steps: [
    {
      key: 'tcm-contact',
      title: 'Interactive contact with the patient (TCM)',
      role: 'transitional-care-nurse',
      clock: { kind: 'businessDays', amount: 2, from: 'discharge' },
      completingOutcomes: ['reached-patient'],
      retryOutcomes: ['unable-to-reach'],
    },
    {
      key: 'follow-up-visit',
      title: 'Face-to-face follow-up visit held',
      role: 'scheduler',
      clock: { kind: 'calendarDays', amount: 14, from: 'discharge' },
      completingOutcomes: ['visit-held'],
      retryOutcomes: ['no-show', 'rescheduled'],
    },
  ],
};
