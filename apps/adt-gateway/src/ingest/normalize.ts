import {
  ADT_EVENTS_TOPIC,
  REFERRAL_EVENTS_TOPIC,
  adtEventKey,
  referralEventKey,
  type AdtEventV1,
  type ReferralEventV1,
} from '@ct/contracts';
import type { AdtMessage } from '@ct/hl7';
import { adtToEvent } from './adt-to-event';
import { facilityOf, type Transport } from './normalize-common';
import { refToEvent } from './ref-to-event';

export interface NormalizedEvent {
  topic: string;
  key: string;
  value: AdtEventV1 | ReferralEventV1;
}

/**
 * ADT messages go to adt.events.v1, referrals to referral.events.v1; both keyed by patient. Times
 * without an offset are read in the time zone of the event's facility (`zoneOf`).
 */
export function normalize(
  message: AdtMessage,
  transport: Transport,
  zoneOf: (facility: string) => string,
): NormalizedEvent {
  const zone = zoneOf(facilityOf(message));
  if (message.header.messageCode === 'REF') {
    const value = refToEvent(message, transport, zone);
    return { topic: REFERRAL_EVENTS_TOPIC, key: referralEventKey(value), value };
  }
  const value = adtToEvent(message, transport, zone);
  return { topic: ADT_EVENTS_TOPIC, key: adtEventKey(value), value };
}
