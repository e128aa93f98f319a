import { z } from 'zod';
import { isoTime, patientSchema, sourceSchema } from '../common/event-parts';
import { TEXT_LIMITS, codeText, freeText, idText } from '../common/text';

export const REFERRAL_EVENTS_TOPIC = 'referral.events.v1';

export const referralEventTypes = ['referral.created', 'referral.modified', 'referral.cancelled'] as const;
export type ReferralEventType = (typeof referralEventTypes)[number];

const coded = z.object({ code: codeText(), text: freeText().optional() });

/** Normalized referral event (REF^I12 new, I13 modify, I14 cancel). Never log its body. */
export const referralEventV1Schema = z.object({
  schema: z.literal('referral.event.v1'),
  eventId: idText(),
  type: z.enum(referralEventTypes),
  trigger: z.enum(['I12', 'I13', 'I14']),
  occurredAt: isoTime,
  facility: idText(),
  patient: patientSchema,
  /** The visit the referral belongs to (PV1-19), when the sender gives one. */
  visitNumber: idText().optional(),
  referral: z.object({
    /** RF1-6 originating referral id; the key that ties I13/I14 to their I12. */
    id: idText(),
    externalId: idText().optional(),
    status: coded.optional(),
    priority: coded.optional(),
    type: coded.optional(),
    category: coded.optional(),
    reason: coded.optional(),
    effectiveAt: isoTime.optional(),
    expiresAt: isoTime.optional(),
  }),
  /** PRD role (RP referring, RT referred-to …) and provider ids; names are left out. */
  providers: z
    .array(z.object({ role: codeText().optional(), ids: z.array(codeText(TEXT_LIMITS.id)).max(20) }))
    .max(50),
  source: sourceSchema,
});

export type ReferralEventV1 = z.infer<typeof referralEventV1Schema>;
