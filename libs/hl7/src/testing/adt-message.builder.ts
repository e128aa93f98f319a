import type { AdtEvent, Diagnosis, Merge, Patient, Provider, Referral, Visit } from '../adt.types';
import { DEFAULT_DELIMITERS, type Hl7Delimiters } from '../delimiters';
import { encodeHeader, encodeSegment, type Hl7FieldValue } from '../encode';
import { identifierField, optionalRepeat } from './field-builders';
import { dg1Fields, pidFields, prdFields, pv1Fields, rf1Fields } from './segment-fields';

export interface ExtraSegment {
  name: string;
  /** fields[0] is field 1. */
  fields: Hl7FieldValue[];
}

/** Everything is optional; the defaults make a valid ADT^A03 v2.5.1 discharge home. */
export interface AdtMessageOptions {
  messageCode?: string;
  trigger?: string;
  structure?: string;
  version?: string;
  controlId?: string;
  sendingApplication?: string;
  sendingFacility?: string;
  receivingApplication?: string;
  receivingFacility?: string;
  messageTime?: string;
  processingId?: string;
  acceptAckType?: string;
  applicationAckType?: string;
  /** false leaves EVN out. */
  event?: Partial<AdtEvent> | false;
  patient?: Partial<Patient>;
  /** false leaves PV1 out. */
  visit?: Partial<Visit> | false;
  diagnoses?: Diagnosis[];
  merge?: Merge;
  referral?: Referral;
  providers?: Provider[];
  /** Appended after the standard segments (Z-segments, NK1, OBX ...). */
  extraSegments?: ExtraSegment[];
  segmentTerminator?: '\r' | '\n' | '\r\n';
  delimiters?: Hl7Delimiters;
}

const DEFAULT_PATIENT: Patient = {
  identifiers: [{ id: 'MRN100234', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }],
  name: { family: 'DOE', given: 'JANE', middle: 'Q' },
  birthDate: '19520314',
  sex: 'F',
};

const DEFAULT_VISIT: Visit = {
  patientClass: 'I',
  location: { pointOfCare: '4WEST', room: '412', bed: 'B', facility: 'RIVERSIDE' },
  attending: { id: '1234', family: 'SMITH', given: 'ALAN' },
  hospitalService: 'MED',
  admitSource: '7',
  visitNumber: { id: 'V7788001', assigningAuthority: 'RIVERSIDE' },
  dischargeDisposition: '01',
  admitAt: '20261110082500',
  dischargeAt: '20261113140000',
};

/** Builds HL7 text for an ADT (or, with messageCode 'REF', a referral) message. Values are escaped. */
export function adtMessage(o: AdtMessageOptions = {}): string {
  const d = o.delimiters ?? DEFAULT_DELIMITERS;
  const code = o.messageCode ?? 'ADT';
  const trigger = o.trigger ?? 'A03';
  const segments = [
    encodeHeader(
      [
        o.sendingApplication ?? 'EPICADT',
        o.sendingFacility ?? 'RIVERSIDE',
        o.receivingApplication ?? 'CARETRANS',
        o.receivingFacility ?? 'CARETRANS',
        o.messageTime ?? '20261113141500',
        undefined,
        [code, trigger, o.structure ?? `${code}_${trigger}`],
        o.controlId ?? 'MSG00001',
        o.processingId ?? 'P',
        o.version ?? '2.5.1',
        undefined,
        undefined,
        o.acceptAckType,
        o.applicationAckType,
      ],
      d,
    ),
  ];
  const add = (name: string, fields: Hl7FieldValue[]) => segments.push(encodeSegment(name, fields, d));
  if (o.referral) add('RF1', rf1Fields(o.referral));
  for (const p of o.providers ?? []) add('PRD', prdFields(p));
  const event = o.event ?? (code === 'ADT' ? {} : false);
  if (event) {
    add('EVN', [
      event.eventTypeCode ?? trigger,
      event.recordedAt ?? o.messageTime ?? '20261113141500',
      event.plannedAt,
      undefined,
      event.operatorId,
      event.occurredAt,
    ]);
  }
  add('PID', pidFields({ ...DEFAULT_PATIENT, ...o.patient }));
  if (o.merge)
    add('MRG', [
      optionalRepeat(o.merge.priorIdentifiers.map(identifierField)),
      undefined,
      undefined,
      undefined,
      o.merge.priorVisitNumber && identifierField(o.merge.priorVisitNumber),
    ]);
  if (o.visit !== false) add('PV1', pv1Fields({ ...DEFAULT_VISIT, ...o.visit }));
  for (const dg of o.diagnoses ?? []) add('DG1', dg1Fields(dg));
  for (const extra of o.extraSegments ?? []) add(extra.name, extra.fields);
  const end = o.segmentTerminator ?? '\r';
  return segments.join(end) + end;
}

/** A REF^I12 referral with RF1 and two PRD segments unless overridden. */
export function refMessage(o: AdtMessageOptions = {}): string {
  return adtMessage({
    messageCode: 'REF',
    trigger: 'I12',
    sendingApplication: 'EPICREF',
    referral: {
      status: { code: 'P', text: 'Pending' },
      priority: { code: 'R', text: 'Routine' },
      type: { code: 'HH', text: 'Home Health' },
      category: { code: 'O' },
      originalReferralId: 'REF778812',
      effectiveAt: '20261113',
      expiresAt: '20261213',
    },
    providers: [
      { role: { code: 'RP' }, name: { family: 'PATEL', given: 'RIYA' }, identifiers: [{ id: '5678' }] },
      {
        role: { code: 'RT' },
        name: { family: 'SUNRISE HOME HEALTH', given: '' },
        identifiers: [{ id: 'HH0042' }],
      },
    ],
    visit: { patientClass: 'O', visitNumber: { id: 'V7788045' } },
    ...o,
  });
}
