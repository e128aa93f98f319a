import type { Provider, ProviderIdentifier, Referral } from './adt.types';
import { addressAt, codedAt, nameAt, timestampAt } from './fields';
import type { Hl7Segment } from './segment';

/** RF1 (referral information). */
export function readReferral(rf1: Hl7Segment): Referral {
  return {
    status: codedAt(rf1, 1),
    priority: codedAt(rf1, 2),
    type: codedAt(rf1, 3),
    category: codedAt(rf1, 5),
    originalReferralId: rf1.get(6, 1),
    effectiveAt: timestampAt(rf1, 7),
    expiresAt: timestampAt(rf1, 8),
    reason: codedAt(rf1, 10),
    externalReferralId: rf1.get(11, 1),
  };
}

function identifiersAt(prd: Hl7Segment): ProviderIdentifier[] {
  const count = prd.repetitionCount(7);
  const ids: ProviderIdentifier[] = [];
  for (let rep = 1; rep <= count; rep++) {
    const id = prd.get(7, 1, 0, rep);
    if (id !== undefined) ids.push({ id, typeCode: prd.get(7, 2, 0, rep) });
  }
  return ids;
}

/** PRD (provider data): referring, referred-to and other providers of a referral. */
export function readProvider(prd: Hl7Segment): Provider {
  return {
    role: codedAt(prd, 1),
    name: nameAt(prd, 2),
    address: addressAt(prd, 3),
    identifiers: identifiersAt(prd),
  };
}
