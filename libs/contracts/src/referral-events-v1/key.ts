import { patientPartitionKey } from '../common/patient-key';

/** Keyed by patient, like ADT events, so a referral and its discharge keep their relative order. */
export function referralEventKey(event: { patient: { key: string } }): string {
  return patientPartitionKey(event.patient.key);
}
