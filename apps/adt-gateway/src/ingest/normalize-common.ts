import { createHash } from 'node:crypto';
import { patientKeyOf, type AdtEventV1 } from '@ct/contracts';
import {
  Hl7ParseError,
  parseHl7Timestamp,
  type AdtMessage,
  type Hl7Header,
  type PatientIdentifier,
} from '@ct/hl7';

export type Transport = AdtEventV1['source']['transport'];

/** Same sender and MSH-10 give the same event id, so every consumer can drop a resend. */
export function eventIdFor(sender: string, controlId: string): string {
  return 'evt_' + createHash('sha256').update(`${sender}\u0000${controlId}`).digest('hex').slice(0, 32);
}

export function senderOf(header: { sendingApplication: string; sendingFacility: string }): string {
  return `${header.sendingApplication}|${header.sendingFacility}`;
}

/** The medical record number when the feed marks one (CX.5 = MR), otherwise the first identifier. */
export function primaryIdentifier(ids: PatientIdentifier[]): PatientIdentifier {
  return ids.find((id) => id.typeCode === 'MR') ?? ids[0];
}

/** An HL7 time as ISO 8601; one without an offset is read in the facility's zone. */
export function isoTimeOf(value: string | undefined, zone: string, field: string): string | undefined {
  if (!value) return undefined;
  const parsed = parseHl7Timestamp(value, zone);
  if (!parsed) throw new Hl7ParseError('BAD_VALUE', `${field} is not a valid HL7 timestamp`);
  return parsed.iso;
}

export function patientOf(message: AdtMessage): AdtEventV1['patient'] {
  const { patient } = message;
  return {
    key: patientKeyOf(primaryIdentifier(patient.identifiers)),
    identifiers: patient.identifiers,
    name: { family: patient.name.family || undefined, given: patient.name.given || undefined },
    birthDate: patient.birthDate,
    sex: patient.sex,
  };
}

export function sourceOf(header: Hl7Header, transport: Transport): AdtEventV1['source'] {
  return {
    sendingApplication: header.sendingApplication,
    sendingFacility: header.sendingFacility,
    controlId: header.controlId,
    messageType: `${header.messageCode}^${header.triggerEvent}`,
    transport,
  };
}

export function unsupportedEvent(header: Hl7Header): Hl7ParseError {
  return new Hl7ParseError(
    'UNSUPPORTED_EVENT',
    `Event ${header.messageCode}^${header.triggerEvent} is not supported`,
    {
      segment: 'MSH',
      sequence: 1,
      field: 9,
      component: 2,
    },
  );
}

/** Where the event happened: the visit's facility (PV1-3.4), else the sending facility (MSH-4). */
export function facilityOf(message: AdtMessage): string {
  return message.visit?.location?.facility || message.header.sendingFacility;
}
