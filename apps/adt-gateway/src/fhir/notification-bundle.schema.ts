import { z } from 'zod';

// Only the elements the mapping reads; everything else is kept in the archived raw JSON.
export const NOTIFICATION_EVENT_SYSTEM =
  'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event';

/** FHIR instant/dateTime with a time: the spec requires an offset whenever a time is given. */
const dateTime = z.iso.datetime({ offset: true });

export const codingSchema = z.object({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.object({ coding: z.array(codingSchema).optional(), text: z.string().optional() });

export const identifierSchema = z.object({
  system: z.string().optional(),
  value: z.string().min(1).optional(),
  type: concept.optional(),
  use: z.string().optional(),
  /** Who issued it: HL7 v2 CX.4 in the v2-to-FHIR mapping. */
  assigner: z
    .object({
      identifier: z.object({ value: z.string().optional() }).optional(),
      display: z.string().optional(),
    })
    .optional(),
});

export const referenceSchema = z.object({
  reference: z.string().optional(),
  identifier: identifierSchema.optional(),
  display: z.string().optional(),
});
export type FhirReference = z.infer<typeof referenceSchema>;

const period = z.object({ start: dateTime.optional(), end: dateTime.optional() });

export const messageHeaderSchema = z.object({
  resourceType: z.literal('MessageHeader'),
  id: z.string().optional(),
  eventCoding: codingSchema,
  source: z.object({ endpoint: z.string().min(1), name: z.string().optional() }),
  sender: referenceSchema.optional(),
  focus: z.array(referenceSchema).min(1),
});
export type MessageHeader = z.infer<typeof messageHeaderSchema>;

export const encounterSchema = z.object({
  resourceType: z.literal('Encounter'),
  id: z.string().optional(),
  identifier: z.array(identifierSchema).optional(),
  class: codingSchema,
  serviceType: concept.optional(),
  subject: referenceSchema,
  period: period.optional(),
  hospitalization: z.object({ dischargeDisposition: concept.optional() }).optional(),
  diagnosis: z
    .array(z.object({ condition: referenceSchema, use: concept.optional(), rank: z.number().optional() }))
    .optional(),
  location: z.array(z.object({ location: referenceSchema })).optional(),
  serviceProvider: referenceSchema.optional(),
});
export type Encounter = z.infer<typeof encounterSchema>;

export const patientSchema = z.object({
  resourceType: z.literal('Patient'),
  identifier: z.array(identifierSchema).min(1),
  name: z
    .array(z.object({ family: z.string().optional(), given: z.array(z.string()).optional() }))
    .optional(),
  birthDate: z.string().optional(),
  gender: z.string().optional(),
});
export type Patient = z.infer<typeof patientSchema>;

/** Organization or Location: what a facility reference points at. */
export const placeSchema = z.object({
  resourceType: z.string(),
  identifier: z.array(identifierSchema).optional(),
  name: z.string().optional(),
});

export const conditionSchema = z.object({ resourceType: z.literal('Condition'), code: concept.optional() });

const resource = z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() });

export const notificationBundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  id: z.string().min(1).optional(),
  type: z.literal('message'),
  timestamp: dateTime,
  entry: z.array(z.object({ fullUrl: z.string().optional(), resource })).min(1),
});
export type NotificationBundle = z.infer<typeof notificationBundleSchema>;
