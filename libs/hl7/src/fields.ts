import type {
  Address,
  Attending,
  CodedValue,
  PatientIdentifier,
  PersonName,
  Telecom,
  VisitNumber,
} from './adt.types';
import { Hl7ParseError } from './errors';
import type { Hl7Segment } from './segment';

const DTM = /^\d{4}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,4})?)?)?)?)?)?(?:[+-]\d{4})?$/;

/** True for HL7 DTM text: YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]. */
export function isHl7Timestamp(text: string): boolean {
  return DTM.test(text);
}

/** TS/DTM field (component 1), checked for shape but kept as sent. */
export function timestampAt(seg: Hl7Segment, field: number, repetition = 1): string | undefined {
  const value = seg.get(field, 1, 0, repetition);
  if (value === undefined || DTM.test(value)) return value;
  throw new Hl7ParseError('BAD_VALUE', `${seg.name}-${field} is not an HL7 timestamp`, {
    segment: seg.name,
    sequence: seg.sequence,
    field,
    repetition: repetition > 1 ? repetition : undefined,
  });
}

/** CX at one repetition; undefined when CX.1 is empty. */
export function identifierAt(
  seg: Hl7Segment,
  field: number,
  repetition: number,
): PatientIdentifier | undefined {
  const id = seg.get(field, 1, 0, repetition);
  if (id === undefined) return undefined;
  return {
    id,
    assigningAuthority: seg.get(field, 4, 1, repetition),
    typeCode: seg.get(field, 5, 0, repetition),
  };
}

/** Every CX repetition with an id. */
export function identifiersAt(seg: Hl7Segment, field: number): PatientIdentifier[] {
  const count = seg.repetitionCount(field);
  const ids: PatientIdentifier[] = [];
  for (let rep = 1; rep <= count; rep++) {
    const id = identifierAt(seg, field, rep);
    if (id) ids.push(id);
  }
  return ids;
}

export function visitNumberAt(seg: Hl7Segment, field: number): VisitNumber | undefined {
  const id = seg.get(field, 1);
  return id === undefined ? undefined : { id, assigningAuthority: seg.get(field, 4, 1) };
}

/** XPN (offset 0) or the name part of XCN (offset 1), first repetition. */
export function nameAt(seg: Hl7Segment, field: number, offset = 0): PersonName | undefined {
  const family = seg.get(field, offset + 1, 1);
  const given = seg.get(field, offset + 2);
  const middle = seg.get(field, offset + 3);
  const suffix = seg.get(field, offset + 4);
  const prefix = seg.get(field, offset + 5);
  if (!family && !given && !middle && !suffix && !prefix) return undefined;
  return { family: family ?? '', given: given ?? '', middle, suffix, prefix };
}

/** CE / CWE, first repetition; undefined when the code and text are empty. */
export function codedAt(seg: Hl7Segment, field: number): CodedValue | undefined {
  const code = seg.get(field, 1);
  const text = seg.get(field, 2);
  if (code === undefined && text === undefined) return undefined;
  return { code: code ?? '', text, codingSystem: seg.get(field, 3) };
}

/** A positive integer (set ids); BAD_VALUE otherwise. */
export function integerAt(seg: Hl7Segment, field: number): number | undefined {
  const text = seg.get(field, 1);
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  throw new Hl7ParseError('BAD_VALUE', `${seg.name}-${field} is not a number`, {
    segment: seg.name,
    sequence: seg.sequence,
    field,
  });
}

/** XAD, first repetition; undefined when every part is empty. */
export function addressAt(seg: Hl7Segment, field: number): Address | undefined {
  const address: Address = {
    street: seg.get(field, 1, 1),
    otherDesignation: seg.get(field, 2),
    city: seg.get(field, 3),
    state: seg.get(field, 4),
    postalCode: seg.get(field, 5),
    country: seg.get(field, 6),
  };
  return Object.values(address).some(Boolean) ? address : undefined;
}

/** Every XTN repetition with a number; `use` stands in where the feed leaves XTN.2 empty. */
export function telecomsAt(seg: Hl7Segment, field: number, use: string): Telecom[] {
  const phones: Telecom[] = [];
  for (let rep = 1; rep <= seg.repetitionCount(field); rep++) {
    const parts = [seg.get(field, 6, 0, rep), seg.get(field, 7, 0, rep)].filter(Boolean).join(' ');
    const extension = seg.get(field, 8, 0, rep);
    const built = parts && extension ? `${parts} x${extension}` : parts;
    const number = seg.get(field, 1, 0, rep) ?? (built || undefined);
    if (!number) continue;
    phones.push({ number, use: seg.get(field, 2, 0, rep) ?? use, equipment: seg.get(field, 3, 0, rep) });
  }
  return phones;
}

/** XCN (id + name), first repetition; undefined when both are empty. */
export function personAt(seg: Hl7Segment, field: number): Attending | undefined {
  const id = seg.get(field, 1);
  const name = nameAt(seg, field, 1);
  if (!id && !name) return undefined;
  return { id: id ?? '', family: name?.family || undefined, given: name?.given || undefined };
}
