import { DateTime } from 'luxon';

/** CMS HRRP: an inpatient admission within 30 days of a discharge is a readmission. */
export const READMISSION_WINDOW_DAYS = 30;

export function isReadmission(dischargedAt: string, admittedAt: string): boolean {
  const discharged = DateTime.fromISO(dischargedAt);
  const admitted = DateTime.fromISO(admittedAt);
  if (!discharged.isValid || !admitted.isValid) return false;
  const days = admitted.diff(discharged, 'days').days;
  return days >= 0 && days <= READMISSION_WINDOW_DAYS;
}
