import type { Provider, ProviderAddress, ProviderIdentifier, Referral } from './adt.types';
import { codedAt, nameAt, timestampAt } from './fields';
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

function addressAt(prd: Hl7Segment): ProviderAddress | undefined {
  const address: ProviderAddress = {
    street: prd.get(3, 1, 1),
    otherDesignation: prd.get(3, 2),
    city: prd.get(3, 3),
    state: prd.get(3, 4),
    postalCode: prd.get(3, 5),
    country: prd.get(3, 6),
  };
  const { street, otherDesignation, city, state, postalCode, country } = address;
  return street || otherDesignation || city || state || postalCode || country ? address : undefined;
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
    address: addressAt(prd),
    identifiers: identifiersAt(prd),
  };
}
