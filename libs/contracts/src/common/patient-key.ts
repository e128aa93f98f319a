import { createHash } from 'node:crypto';

/**
 * Kafka key for one patient: a hash of the assigning authority and MRN, so partitions keep each
 * patient's events in order while no identifier shows in tooling that prints keys.
 */
export function patientPartitionKey(patientKey: string): string {
  return 'pk_' + createHash('sha256').update(patientKey).digest('hex').slice(0, 32);
}

/** The patient's identity inside our system: "<assigning authority>|<id>". */
export function patientKeyOf(identifier: { id: string; assigningAuthority?: string }): string {
  return `${identifier.assigningAuthority ?? ''}|${identifier.id}`;
}
