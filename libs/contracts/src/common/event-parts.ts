import { z } from 'zod';

export const isoTime = z.iso.datetime({ offset: true });

export const identifierSchema = z.object({
  id: z.string().min(1),
  assigningAuthority: z.string().optional(),
  typeCode: z.string().optional(),
});

/** Who the event is about. Identifiers and demographics are PHI: never log them. */
export const patientSchema = z.object({
  key: z.string().min(1),
  identifiers: z.array(identifierSchema).min(1),
  name: z.object({ family: z.string().optional(), given: z.string().optional() }).optional(),
  birthDate: z.string().optional(),
  sex: z.string().optional(),
});

/** Where the event came from: the sender and its MSH-10, for audit and de-duplication. */
export const sourceSchema = z.object({
  sendingApplication: z.string(),
  sendingFacility: z.string(),
  controlId: z.string().min(1),
  messageType: z.string(),
  transport: z.enum(['mllp', 'http', 'fhir', 'replay']),
});
