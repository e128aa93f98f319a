import type { Hl7ErrorLocation } from '@ct/hl7';

type Place = [segment: string, field: number, component?: number];

// normalized-event field → where HL7 carries it (both adt.event.v1 and referral.event.v1)
const PLACES: Record<string, Place> = {
  eventId: ['MSH', 10],
  trigger: ['MSH', 9, 2],
  occurredAt: ['EVN', 6],
  recordedAt: ['EVN', 2],
  'patient.key': ['PID', 3, 1],
  'patient.identifiers': ['PID', 3],
  'patient.identifiers.id': ['PID', 3, 1],
  'patient.identifiers.assigningAuthority': ['PID', 3, 4],
  'patient.identifiers.typeCode': ['PID', 3, 5],
  'patient.name.family': ['PID', 5, 1],
  'patient.name.given': ['PID', 5, 2],
  'patient.birthDate': ['PID', 7],
  'patient.sex': ['PID', 8],
  'visit.number': ['PV1', 19, 1],
  visitNumber: ['PV1', 19, 1],
  'visit.patientClass': ['PV1', 2],
  'visit.hospitalService': ['PV1', 10],
  'visit.dischargeDisposition': ['PV1', 36],
  'visit.admitAt': ['PV1', 44],
  'visit.dischargeAt': ['PV1', 45],
  diagnoses: ['DG1', 3],
  'diagnoses.code': ['DG1', 3, 1],
  'diagnoses.codingSystem': ['DG1', 3, 3],
  'diagnoses.type': ['DG1', 6],
  'merge.priorPatientKey': ['MRG', 1, 1],
  'merge.priorVisitNumber': ['MRG', 5, 1],
  'referral.id': ['RF1', 6],
  'referral.externalId': ['RF1', 11],
  'referral.status': ['RF1', 1],
  'referral.priority': ['RF1', 2],
  'referral.type': ['RF1', 3],
  'referral.category': ['RF1', 4],
  'referral.reason': ['RF1', 10],
  'referral.effectiveAt': ['RF1', 7],
  'referral.expiresAt': ['RF1', 8],
  providers: ['PRD', 1],
  'providers.role': ['PRD', 1],
  'providers.ids': ['PRD', 7],
  'source.sendingApplication': ['MSH', 3],
  'source.sendingFacility': ['MSH', 4],
  'source.controlId': ['MSH', 10],
  'source.messageType': ['MSH', 9],
};

/**
 * The HL7 location (for ERR-2) of a normalized-event field. `facilityFromVisit` says whether the
 * facility came from PV1-3.4 or from MSH-4. A repeated segment or field keeps its position.
 */
export function hl7LocationOf(path: (string | number)[], facilityFromVisit: boolean): Hl7ErrorLocation {
  if (path[0] === 'facility') {
    return facilityFromVisit
      ? { segment: 'PV1', sequence: 1, field: 3, component: 4 }
      : { segment: 'MSH', sequence: 1, field: 4 };
  }
  const names = path.filter((p): p is string => typeof p === 'string');
  const index = path.find((p): p is number => typeof p === 'number');
  // the longest known prefix: referral.status.code is where referral.status is
  for (let n = names.length; n > 0; n -= 1) {
    const place = PLACES[names.slice(0, n).join('.')];
    if (!place) continue;
    const [segment, field, component] = place;
    const repeatedSegment = segment === 'DG1' || segment === 'PRD';
    return {
      segment,
      sequence: repeatedSegment && index !== undefined ? index + 1 : 1,
      field,
      ...(!repeatedSegment && index !== undefined ? { repetition: index + 1 } : {}),
      ...(component ? { component } : {}),
    };
  }
  return {};
}
