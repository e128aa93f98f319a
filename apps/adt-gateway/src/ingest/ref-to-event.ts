import type { ReferralEventType, ReferralEventV1 } from '@ct/contracts';
import { Hl7ParseError, type AdtMessage, type CodedValue } from '@ct/hl7';
import {
  eventIdFor,
  facilityOf,
  isoTimeOf,
  patientOf,
  senderOf,
  sourceOf,
  unsupportedEvent,
  type Transport,
} from './normalize-common';

const EVENT_TYPES: Record<string, ReferralEventType> = {
  I12: 'referral.created',
  I13: 'referral.modified',
  I14: 'referral.cancelled',
};

function coded(value: CodedValue | undefined) {
  return value?.code ? { code: value.code, text: value.text } : undefined;
}

/** Maps a parsed REF^I12/I13/I14 to the normalized referral.event.v1 contract. */
export function refToEvent(message: AdtMessage, transport: Transport, zone: string): ReferralEventV1 {
  const { header, referral } = message;
  const type = EVENT_TYPES[header.triggerEvent];
  if (header.messageCode !== 'REF' || !type) throw unsupportedEvent(header);
  const id = referral?.originalReferralId || referral?.externalReferralId;
  if (!referral || !id) {
    throw new Hl7ParseError('MISSING_FIELD', 'RF1-6 (originating referral id) is required', {
      segment: 'RF1',
      sequence: 1,
      field: 6,
    });
  }
  const occurredAt = isoTimeOf(header.messageTime, zone, 'MSH-7');
  if (!occurredAt) {
    throw new Hl7ParseError('MISSING_FIELD', 'MSH-7 (message time) is required', {
      segment: 'MSH',
      sequence: 1,
      field: 7,
    });
  }
  return {
    schema: 'referral.event.v1',
    eventId: eventIdFor(senderOf(header), header.controlId),
    type,
    trigger: header.triggerEvent as ReferralEventV1['trigger'],
    occurredAt,
    facility: facilityOf(message),
    patient: patientOf(message),
    visitNumber: message.visit?.visitNumber?.id,
    referral: {
      id,
      externalId: referral.externalReferralId,
      status: coded(referral.status),
      priority: coded(referral.priority),
      type: coded(referral.type),
      category: coded(referral.category),
      reason: coded(referral.reason),
      effectiveAt: isoTimeOf(referral.effectiveAt, zone, 'RF1-7'),
      expiresAt: isoTimeOf(referral.expiresAt, zone, 'RF1-8'),
    },
    providers: message.providers.map((p) => ({ role: p.role?.code, ids: p.identifiers.map((i) => i.id) })),
    source: sourceOf(header, transport),
  };
}
