import { z } from 'zod';
import { isoTime, patientSchema, sourceSchema } from '../common/event-parts';

export const REFERRAL_EVENTS_TOPIC = 'referral.events.v1';

export const referralEventTypes = ['referral.created', 'referral.modified', 'referral.cancelled'] as const;
export type ReferralEventType = (typeof referralEventTypes)[number];

const coded = z.object({ code: z.string(), text: z.string().optional() });

/** Normalized referral event (REF^I12 new, I13 modify, I14 cancel). Never log its body. */
export const referralEventV1Schema = z.object({
  schema: z.literal('referral.event.v1'),
  eventId: z.string().min(1),
  type: z.enum(referralEventTypes),
  trigger: z.enum(['I12', 'I13', 'I14']),
  occurredAt: isoTime,
  facility: z.string().min(1),
  patient: patientSchema,
  /** The visit the referral belongs to (PV1-19), when the sender gives one. */
  visitNumber: z.string().optional(),
  referral: z.object({
    /** RF1-6 originating referral id; the key that ties I13/I14 to their I12. */
    id: z.string().min(1),
    externalId: z.string().optional(),
    status: coded.optional(),
    priority: coded.optional(),
    type: coded.optional(),
    category: coded.optional(),
    reason: coded.optional(),
    effectiveAt: isoTime.optional(),
    expiresAt: isoTime.optional(),
  }),
  /** PRD role (RP referring, RT referred-to …) and provider ids; names are left out. */
  providers: z.array(z.object({ role: z.string().optional(), ids: z.array(z.string()) })),
  source: sourceSchema,
});

export type ReferralEventV1 = z.infer<typeof referralEventV1Schema>;
