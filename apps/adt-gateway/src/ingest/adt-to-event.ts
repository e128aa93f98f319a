import { patientKeyOf, type AdtEventType, type AdtEventV1 } from '@ct/contracts';
import { Hl7ParseError, type AdtMessage } from '@ct/hl7';
import {
  eventIdFor,
  facilityOf,
  isoTimeOf,
  patientOf,
  primaryIdentifier,
  senderOf,
  sourceOf,
  unsupportedEvent,
  type Transport,
} from './normalize-common';

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

/** Maps a parsed ADT message to the normalized adt.event.v1 contract. Times without offset use `zone`. */
export function adtToEvent(message: AdtMessage, transport: Transport, zone: string): AdtEventV1 {
  const { header, event, visit } = message;
  const type = EVENT_TYPES[header.triggerEvent];
  if (header.messageCode !== 'ADT' || !type) throw unsupportedEvent(header);
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
  const recordedAt =
    isoTimeOf(event?.recordedAt, zone, 'EVN-2') ?? isoTimeOf(header.messageTime, zone, 'MSH-7');
  if (!recordedAt) {
    throw new Hl7ParseError('MISSING_FIELD', 'Neither EVN-2 nor MSH-7 gives the event time', {
      segment: 'EVN',
      sequence: 1,
      field: 2,
    });
  }
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
    eventId: eventIdFor(senderOf(header), header.controlId),
    type,
    trigger: header.triggerEvent,
    occurredAt: isoTimeOf(event?.occurredAt, zone, 'EVN-6') ?? recordedAt,
    recordedAt,
    facility: facilityOf(message),
    patient: patientOf(message),
    visit: visit?.visitNumber
      ? {
          number: visit.visitNumber.id,
          patientClass: visit.patientClass || undefined,
          hospitalService: visit.hospitalService,
          dischargeDisposition: visit.dischargeDisposition,
          admitAt: isoTimeOf(visit.admitAt, zone, 'PV1-44'),
          dischargeAt: isoTimeOf(visit.dischargeAt, zone, 'PV1-45'),
        }
      : undefined,
    diagnoses: message.diagnoses.flatMap((d) =>
      d.code ? [{ code: d.code, codingSystem: d.codingSystem, type: d.type }] : [],
    ),
    merge: prior
      ? { priorPatientKey: patientKeyOf(prior), priorVisitNumber: message.merge?.priorVisitNumber?.id }
      : undefined,
    source: sourceOf(header, transport),
  };
}
