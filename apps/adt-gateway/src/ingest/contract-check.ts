import {
  adtEventV1Schema,
  referralEventV1Schema,
  type AdtEventV1,
  type ReferralEventV1,
} from '@ct/contracts';

export interface ContractIssue {
  /** Where in the normalized event, e.g. ['visit', 'number'] or ['patient', 'identifiers', 0, 'id']. */
  path: (string | number)[];
  /** What is wrong, never the value itself (it may be PHI). */
  message: string;
}

const DERIVED = new Set(['patient.key', 'eventId']);

/**
 * The same contract the orchestrator checks each record against: anything that passes here can be
 * taken downstream (lengths that fit workflow ids and indexes, no control characters).
 */
export function contractIssue(event: AdtEventV1 | ReferralEventV1): ContractIssue | undefined {
  const schema = event.schema === 'referral.event.v1' ? referralEventV1Schema : adtEventV1Schema;
  const result = schema.safeParse(event);
  if (result.success) return undefined;
  // a key built from other fields names the field it came from when that one is wrong too
  const issues = result.error.issues;
  const issue = issues.find((i) => !DERIVED.has(i.path.join('.'))) ?? issues[0];
  return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message };
}
