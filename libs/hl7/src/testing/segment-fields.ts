import type { Diagnosis, Patient, Provider, Referral, Visit } from '../adt.types';
import type { Hl7FieldValue } from '../encode';
import { addressField, codedField, identifierField, nameField, optionalRepeat } from './field-builders';

// Field lists per segment; index 0 is field 1.
export function pv1Fields(v: Partial<Visit>): Hl7FieldValue[] {
  const f: Hl7FieldValue[] = new Array<Hl7FieldValue>(45).fill(undefined);
  const loc = v.location;
  f[0] = '1';
  f[1] = v.patientClass;
  f[2] = loc && [loc.pointOfCare ?? '', loc.room ?? '', loc.bed ?? '', loc.facility ?? ''];
  f[6] = v.attending && [v.attending.id, v.attending.family ?? '', v.attending.given ?? ''];
  f[9] = v.hospitalService;
  f[13] = v.admitSource;
  f[18] = v.visitNumber && identifierField(v.visitNumber);
  f[35] = v.dischargeDisposition;
  f[36] = v.dischargedToLocation;
  f[43] = v.admitAt;
  f[44] = v.dischargeAt;
  return f;
}

export function pidFields(p: Partial<Patient>): Hl7FieldValue[] {
  return [
    '1',
    undefined,
    optionalRepeat((p.identifiers ?? []).map(identifierField)),
    undefined,
    p.name && nameField(p.name),
    undefined,
    p.birthDate,
    p.sex,
    undefined,
    undefined,
    p.address && addressField(p.address),
    undefined,
    optionalRepeat(phonesOf(p, false)),
    optionalRepeat(phonesOf(p, true)),
    codedField(p.language),
  ];
}

/** PID-13 takes the home and other numbers, PID-14 the work ones (XTN.2 WPN). */
function phonesOf(p: Partial<Patient>, work: boolean): string[][] {
  return (p.phones ?? [])
    .filter((phone) => (phone.use === 'WPN') === work)
    .map((phone) => [phone.number, phone.use ?? '', phone.equipment ?? '']);
}

export function rf1Fields(r: Referral): Hl7FieldValue[] {
  return [
    codedField(r.status),
    codedField(r.priority),
    codedField(r.type),
    undefined,
    codedField(r.category),
    r.originalReferralId,
    r.effectiveAt,
    r.expiresAt,
    undefined,
    codedField(r.reason),
    r.externalReferralId,
  ];
}

export function prdFields(p: Provider): Hl7FieldValue[] {
  const ids = optionalRepeat(p.identifiers.map((i) => [i.id, i.typeCode ?? '']));
  return [
    codedField(p.role),
    p.name && nameField(p.name),
    p.address && addressField(p.address),
    undefined,
    undefined,
    undefined,
    ids,
  ];
}

export function dg1Fields(d: Diagnosis): Hl7FieldValue[] {
  return [
    d.setId?.toString(),
    undefined,
    [d.code ?? '', d.text ?? '', d.codingSystem ?? ''],
    undefined,
    undefined,
    d.type,
  ];
}
