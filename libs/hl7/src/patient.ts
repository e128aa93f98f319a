import type { AdtEvent, Attending, Diagnosis, Merge, Patient, Visit } from './adt.types';
import { Hl7ParseError } from './errors';
import {
  addressAt,
  codedAt,
  identifiersAt,
  integerAt,
  nameAt,
  personAt,
  telecomsAt,
  timestampAt,
  visitNumberAt,
} from './fields';
import { required } from './header';
import type { Hl7Segment } from './segment';

export function readEvent(evn: Hl7Segment): AdtEvent {
  return {
    eventTypeCode: evn.get(1),
    recordedAt: timestampAt(evn, 2) ?? required(evn, 2, 1),
    plannedAt: timestampAt(evn, 3),
    operatorId: evn.get(5, 1),
    occurredAt: timestampAt(evn, 6),
  };
}

/** PID; PID-3 must hold at least one identifier. */
export function readPatient(pid: Hl7Segment): Patient {
  const identifiers = identifiersAt(pid, 3);
  if (identifiers.length === 0) {
    throw new Hl7ParseError('MISSING_FIELD', 'Required field PID-3 has no patient identifier', {
      segment: 'PID',
      sequence: pid.sequence,
      field: 3,
    });
  }
  const phones = [...telecomsAt(pid, 13, 'PRN'), ...telecomsAt(pid, 14, 'WPN')];
  return {
    identifiers,
    name: nameAt(pid, 5) ?? { family: '', given: '' },
    birthDate: timestampAt(pid, 7),
    sex: pid.get(8, 1),
    address: addressAt(pid, 11),
    phones: phones.length > 0 ? phones : undefined,
    language: codedAt(pid, 15),
  };
}

/** PD1-4 (deprecated since v2.7), else the first ROL whose role (ROL-3) is PP, primary care provider. */
export function readPrimaryCareProvider(
  pd1: Hl7Segment | undefined,
  roles: readonly Hl7Segment[],
): Attending | undefined {
  const fromPd1 = pd1 && personAt(pd1, 4);
  if (fromPd1) return fromPd1;
  const rol = roles.find((segment) => segment.get(3, 1) === 'PP');
  return rol && personAt(rol, 4);
}

export function readVisit(pv1: Hl7Segment): Visit {
  const pointOfCare = pv1.get(3, 1);
  const room = pv1.get(3, 2);
  const bed = pv1.get(3, 3);
  const facility = pv1.get(3, 4, 1);
  const attendingId = pv1.get(7, 1);
  const attendingName = nameAt(pv1, 7, 1);
  return {
    patientClass: required(pv1, 2, 1),
    location: pointOfCare || room || bed || facility ? { pointOfCare, room, bed, facility } : undefined,
    attending:
      attendingId || attendingName
        ? {
            id: attendingId ?? '',
            family: attendingName?.family || undefined,
            given: attendingName?.given || undefined,
          }
        : undefined,
    hospitalService: pv1.get(10, 1),
    admitSource: pv1.get(14, 1),
    visitNumber: visitNumberAt(pv1, 19),
    dischargeDisposition: pv1.get(36, 1),
    dischargedToLocation: pv1.get(37, 1),
    admitAt: timestampAt(pv1, 44),
    dischargeAt: timestampAt(pv1, 45),
  };
}

export function readDiagnosis(dg1: Hl7Segment): Diagnosis {
  return {
    setId: integerAt(dg1, 1),
    code: dg1.get(3, 1),
    // DG1-4 and DG1-2 are the pre-2.5 places for the text and coding system.
    text: dg1.get(3, 2) ?? dg1.get(4),
    codingSystem: dg1.get(3, 3) ?? dg1.get(2),
    type: dg1.get(6, 1),
  };
}

/** MRG; MRG-1 must hold at least one prior identifier. */
export function readMerge(mrg: Hl7Segment): Merge {
  const priorIdentifiers = identifiersAt(mrg, 1);
  if (priorIdentifiers.length === 0) {
    throw new Hl7ParseError('MISSING_FIELD', 'Required field MRG-1 has no prior patient identifier', {
      segment: 'MRG',
      sequence: mrg.sequence,
      field: 1,
    });
  }
  return { priorIdentifiers, priorVisitNumber: visitNumberAt(mrg, 5) };
}
