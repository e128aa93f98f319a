import { patientPartitionKey } from '../common/patient-key';

/** One patient's events share a partition, so consumers see them in order. */
export function adtEventKey(event: { patient: { key: string } }): string {
  return patientPartitionKey(event.patient.key);
}
