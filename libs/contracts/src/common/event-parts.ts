import { z } from 'zod';
import { TEXT_LIMITS, codeText, freeText, idText } from './text';

export const isoTime = z.iso.datetime({ offset: true });

export const identifierSchema = z.object({
  id: idText(),
  assigningAuthority: idText(TEXT_LIMITS.authority).optional(),
  typeCode: codeText().optional(),
});

/** Who the event is about. Identifiers and demographics are PHI: never log them. */
export const patientSchema = z.object({
  key: idText(TEXT_LIMITS.authority + TEXT_LIMITS.id + 1),
  identifiers: z.array(identifierSchema).min(1).max(50),
  name: z.object({ family: freeText().optional(), given: freeText().optional() }).optional(),
  birthDate: codeText().optional(),
  sex: codeText().optional(),
});

/** Where the event came from: the sender and its MSH-10, for audit and de-duplication. */
export const sourceSchema = z.object({
  sendingApplication: codeText(TEXT_LIMITS.authority),
  sendingFacility: codeText(TEXT_LIMITS.authority),
  // MSH-10 is ST(199) from v2.7 on (20 before)
  controlId: idText(199),
  messageType: codeText(),
  transport: z.enum(['mllp', 'http', 'fhir', 'replay']),
});
