import { z } from 'zod';

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

const isoTime = z.iso.datetime({ offset: true });
const identifier = z.object({
  id: z.string().min(1),
  assigningAuthority: z.string().optional(),
  typeCode: z.string().optional(),
});

/** Normalized ADT event, one per accepted HL7 message. Carries identifiers; never log its body. */
export const adtEventV1Schema = z.object({
  schema: z.literal('adt.event.v1'),
  eventId: z.string().min(1),
  type: z.enum(adtEventTypes),
  trigger: z.string().regex(/^A\d\d$/),
  occurredAt: isoTime,
  recordedAt: isoTime,
  facility: z.string().min(1),
  patient: z.object({
    key: z.string().min(1),
    identifiers: z.array(identifier).min(1),
    name: z.object({ family: z.string().optional(), given: z.string().optional() }).optional(),
    birthDate: z.string().optional(),
    sex: z.string().optional(),
  }),
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
  source: z.object({
    sendingApplication: z.string(),
    sendingFacility: z.string(),
    controlId: z.string().min(1),
    messageType: z.string(),
    transport: z.enum(['mllp', 'http', 'fhir', 'replay']),
  }),
});

export type AdtEventV1 = z.infer<typeof adtEventV1Schema>;
