import { z } from 'zod';
import { isoTime, patientSchema, sourceSchema } from '../common/event-parts';
import { codeText, idText } from '../common/text';

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
  eventId: idText(),
  type: z.enum(adtEventTypes),
  trigger: z.string().regex(/^A\d\d$/),
  occurredAt: isoTime,
  recordedAt: isoTime,
  facility: idText(),
  patient: patientSchema,
  visit: z
    .object({
      number: idText(),
      patientClass: codeText().optional(),
      hospitalService: codeText().optional(),
      dischargeDisposition: codeText().optional(),
      admitAt: isoTime.optional(),
      dischargeAt: isoTime.optional(),
    })
    .optional(),
  diagnoses: z
    .array(z.object({ code: codeText(), codingSystem: codeText().optional(), type: codeText().optional() }))
    .max(100),
  merge: z
    .object({ priorPatientKey: patientSchema.shape.key, priorVisitNumber: idText().optional() })
    .optional(),
  source: sourceSchema,
});

export type AdtEventV1 = z.infer<typeof adtEventV1Schema>;
