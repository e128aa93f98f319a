import { createHash } from 'node:crypto';
import type { AdtEventType, AdtEventV1 } from '@ct/contracts';
import { patientKeyOf } from '@ct/contracts';
import { Hl7ParseError, parseHl7Timestamp, type AdtMessage, type PatientIdentifier } from '@ct/hl7';

export type Transport = AdtEventV1['source']['transport'];

const EVENT_TYPES: Record<string, AdtEventType> = {
  A01: 'patient.admitted',
  A02: 'patient.transferred',
  A03: 'patient.discharged',
  A04: 'patient.registered',
  A05: 'patient.pre-admitted',
  A06: 'patient.class-changed',
  A07: 'patient.class-changed',
  A08: 'patient.updated',
  A11: 'admit.cancelled',
  A12: 'transfer.cancelled',
  A13: 'discharge.cancelled',
  A40: 'patients.merged',
};

/** Events that open, move or close a visit: without PV1-19 no transition could be keyed. */
const VISIT_REQUIRED = new Set(['A01', 'A02', 'A03', 'A06', 'A07', 'A11', 'A12', 'A13']);

/** Same sender and MSH-10 give the same event id, so every consumer can drop a resend. */
export function eventIdFor(sender: string, controlId: string): string {
  return 'evt_' + createHash('sha256').update(`${sender}\u0000${controlId}`).digest('hex').slice(0, 32);
}

export function senderOf(header: { sendingApplication: string; sendingFacility: string }): string {
  return `${header.sendingApplication}|${header.sendingFacility}`;
}

/** The medical record number when the feed marks one (CX.5 = MR), otherwise the first identifier. */
function primaryIdentifier(ids: PatientIdentifier[]): PatientIdentifier {
  return ids.find((id) => id.typeCode === 'MR') ?? ids[0];
}

function time(value: string | undefined, zone: string, field: string): string | undefined {
  if (!value) return undefined;
  const parsed = parseHl7Timestamp(value, zone);
  if (!parsed) throw new Hl7ParseError('BAD_VALUE', `${field} is not a valid HL7 timestamp`);
  return parsed.iso;
}

/** Maps a parsed ADT message to the normalized adt.event.v1 contract. Times without offset use `zone`. */
export function adtToEvent(message: AdtMessage, transport: Transport, zone: string): AdtEventV1 {
  const { header, event, patient, visit } = message;
  const type = EVENT_TYPES[header.triggerEvent];
  if (header.messageCode !== 'ADT' || !type) {
    throw new Hl7ParseError(
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
  if (VISIT_REQUIRED.has(header.triggerEvent) && !visit?.visitNumber) {
    throw new Hl7ParseError(
      'MISSING_FIELD',
      `${header.triggerEvent} needs PV1-19 (visit number) to key its transition`,
      {
        segment: 'PV1',
        sequence: 1,
        field: 19,
      },
    );
  }
  const messageTime = time(header.messageTime, zone, 'MSH-7');
  const recordedAt = time(event?.recordedAt, zone, 'EVN-2') ?? messageTime;
  if (!recordedAt)
    throw new Hl7ParseError('MISSING_FIELD', 'Neither EVN-2 nor MSH-7 gives the event time', {
      segment: 'EVN',
      sequence: 1,
      field: 2,
    });
  const sender = senderOf(header);
  const prior = message.merge?.priorIdentifiers.length
    ? primaryIdentifier(message.merge.priorIdentifiers)
    : undefined;
  if (type === 'patients.merged' && !prior) {
    throw new Hl7ParseError('MISSING_FIELD', 'A40 needs MRG-1 (prior patient identifier)', {
      segment: 'MRG',
      sequence: 1,
      field: 1,
    });
  }
  return {
    schema: 'adt.event.v1',
    eventId: eventIdFor(sender, header.controlId),
    type,
    trigger: header.triggerEvent,
    occurredAt: time(event?.occurredAt, zone, 'EVN-6') ?? recordedAt,
    recordedAt,
    facility: visit?.location?.facility || header.sendingFacility,
    patient: {
      key: patientKeyOf(primaryIdentifier(patient.identifiers)),
      identifiers: patient.identifiers,
      name: { family: patient.name.family || undefined, given: patient.name.given || undefined },
      birthDate: patient.birthDate,
      sex: patient.sex,
    },
    visit: visit?.visitNumber
      ? {
          number: visit.visitNumber.id,
          patientClass: visit.patientClass || undefined,
          hospitalService: visit.hospitalService,
          dischargeDisposition: visit.dischargeDisposition,
          admitAt: time(visit.admitAt, zone, 'PV1-44'),
          dischargeAt: time(visit.dischargeAt, zone, 'PV1-45'),
        }
      : undefined,
    diagnoses: message.diagnoses
      .filter((d) => d.code)
      .map((d) => ({ code: d.code!, codingSystem: d.codingSystem, type: d.type })),
    merge: prior
      ? { priorPatientKey: patientKeyOf(prior), priorVisitNumber: message.merge?.priorVisitNumber?.id }
      : undefined,
    source: {
      sendingApplication: header.sendingApplication,
      sendingFacility: header.sendingFacility,
      controlId: header.controlId,
      messageType: `${header.messageCode}^${header.triggerEvent}`,
      transport,
    },
  };
}
