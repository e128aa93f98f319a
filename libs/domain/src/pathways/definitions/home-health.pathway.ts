import { definePathway } from '../pathway';
import { TCM_HORIZON, tcmSteps } from './tcm-steps';

/** RF1-3 codes (HL7 table 0281 "Hom", and the common local "HH") of a home care referral. */
export const HOME_CARE_REFERRAL_TYPES: readonly string[] = ['HOM', 'HH'];

export function isHomeCareReferral(type: string | undefined): boolean {
  return type !== undefined && HOME_CARE_REFERRAL_TYPES.includes(type.toUpperCase());
}

/**
 * The visit part of a referral's transition id: a home care referral for a visit joins that
 * visit's transition; any other has one of its own, keyed by its originating referral id (RF1-6).
 */
export function referralTransitionKey(event: {
  visitNumber?: string;
  referral: { id: string; type?: { code?: string } };
}): string {
  return event.visitNumber && isHomeCareReferral(event.referral.type?.code)
    ? event.visitNumber
    : `referral-${event.referral.id}`;
}

/**
 * TCM plus home health start of care within 48 hours of discharge (42 CFR 484.55): for a discharge
 * to home health (06), or a discharge the visit's home care referral (REF^I12, RF1-3 HOM) joins.
 */
export const dischargeHomeHealth = definePathway({
  id: 'discharge-home-health',
  version: 1,
  title: 'Discharge with home health',
  trigger: 'discharge',
  priority: 20,
  appliesWhen: [
    { patientClasses: ['I'], dispositions: ['06'] },
    { patientClasses: ['I'], referralTypes: [...HOME_CARE_REFERRAL_TYPES] },
  ],
  onReadmission: 'close',
  horizon: TCM_HORIZON,
  steps: [
    ...tcmSteps(14),
    {
      key: 'home-health-liaison-confirmation',
      title: 'Agency liaison confirms the home health referral was accepted',
      role: 'home-health-liaison',
      clock: { kind: 'hours', amount: 24, from: 'discharge' },
      remindBeforeHours: 4,
      completingOutcomes: ['referral-accepted'],
      retryOutcomes: ['awaiting-agency'],
      escalation: [
        { action: 'reassign', afterHours: 0, role: 'care-team-supervisor' },
        { action: 'raise-priority', afterHours: 0, priority: 'urgent' },
      ],
    },
    {
      key: 'home-health-start-of-care',
      title: 'Home health start of care visit',
      role: 'home-health-liaison',
      after: ['home-health-liaison-confirmation'],
      clock: { kind: 'hours', amount: 48, from: 'discharge' },
      remindBeforeHours: 8,
      completingOutcomes: ['start-of-care-done'],
      retryOutcomes: ['patient-not-home'],
      escalation: [
        { action: 'raise-priority', afterHours: 0, priority: 'urgent' },
        { action: 'notify', afterHours: 0, role: 'care-team-supervisor' },
      ],
    },
  ],
});
