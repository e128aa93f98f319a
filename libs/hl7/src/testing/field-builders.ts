import type { CodedValue, PersonName, ProviderAddress } from '../adt.types';
import type { Hl7FieldValue, Hl7RepetitionValue } from '../encode';

export function identifierField(i: { id: string; assigningAuthority?: string; typeCode?: string }): string[] {
  return [i.id, '', '', i.assigningAuthority ?? '', 'typeCode' in i ? (i.typeCode ?? '') : ''];
}

export function nameField(n: Partial<PersonName>): string[] {
  return [n.family ?? '', n.given ?? '', n.middle ?? '', n.suffix ?? '', n.prefix ?? ''];
}

export function codedField(c: CodedValue | undefined): Hl7FieldValue {
  return c && [c.code, c.text ?? '', c.codingSystem ?? ''];
}

export function addressField(a: ProviderAddress): string[] {
  return [
    a.street ?? '',
    a.otherDesignation ?? '',
    a.city ?? '',
    a.state ?? '',
    a.postalCode ?? '',
    a.country ?? '',
  ];
}

/** One repetition as itself, several as { repeat }, none as absent. */
export function optionalRepeat(reps: Hl7RepetitionValue[]): Hl7FieldValue {
  if (reps.length === 0) return undefined;
  return reps.length === 1 ? reps[0] : { repeat: reps };
}
