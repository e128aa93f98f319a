import { z } from 'zod';
import { isoTime, patientSchema, sourceSchema } from '../common/event-parts';

export const ADT_EVENTS_TOPIC = 'adt.events.v1';

export const adtEventTypes = [
  'patient.admitted',
  'patient.registered',
  'patient.pre-admitted',
  'patient.transferred',
  'patient.discharged',
  'patient.class-changed',
  'patient.updated',
  'admit.cancelled',
  'transfer.cancelled',
  'discharge.cancelled',
  'patients.merged',
] as const;
export type AdtEventType = (typeof adtEventTypes)[number];

/** Normalized ADT event, one per accepted HL7 message. Carries identifiers; never log its body. */
export const adtEventV1Schema = z.object({
  schema: z.literal('adt.event.v1'),
  eventId: z.string().min(1),
  type: z.enum(adtEventTypes),
  trigger: z.string().regex(/^A\d\d$/),
  occurredAt: isoTime,
  recordedAt: isoTime,
  facility: z.string().min(1),
  patient: patientSchema,
  visit: z
    .object({
      number: z.string().min(1),
      patientClass: z.string().optional(),
      hospitalService: z.string().optional(),
      dischargeDisposition: z.string().optional(),
      admitAt: isoTime.optional(),
      dischargeAt: isoTime.optional(),
    })
    .optional(),
  diagnoses: z.array(
    z.object({ code: z.string(), codingSystem: z.string().optional(), type: z.string().optional() }),
  ),
  merge: z.object({ priorPatientKey: z.string().min(1), priorVisitNumber: z.string().optional() }).optional(),
  source: sourceSchema,
});

export type AdtEventV1 = z.infer<typeof adtEventV1Schema>;
