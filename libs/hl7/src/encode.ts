import { encodingCharacters, type Hl7Delimiters } from './delimiters';
import { escapeHl7 } from './escape';

/** A component: plain text, or its subcomponents. */
export type Hl7ComponentValue = string | readonly string[];

/** One repetition: plain text, or its components. */
export type Hl7RepetitionValue = string | readonly Hl7ComponentValue[];

/**
 * A field to encode. Text is escaped; `{ repeat }` lists repetitions; `{ raw }` is written as is
 * (for tests that need exact wire text).
 */
export type Hl7FieldValue =
  | Hl7RepetitionValue
  | { readonly repeat: readonly Hl7RepetitionValue[] }
  | { readonly raw: string }
  | undefined;

function encodeComponent(value: Hl7ComponentValue, d: Hl7Delimiters): string {
  if (typeof value === 'string') return escapeHl7(value, d);
  return value.map((sub) => escapeHl7(sub, d)).join(d.subcomponent);
}

function encodeRepetition(value: Hl7RepetitionValue, d: Hl7Delimiters): string {
  if (typeof value === 'string') return escapeHl7(value, d);
  let end = value.length;
  while (end > 0 && (value[end - 1] === '' || value[end - 1].length === 0)) end--;
  return value
    .slice(0, end)
    .map((c) => encodeComponent(c, d))
    .join(d.component);
}

export function encodeField(value: Hl7FieldValue, d: Hl7Delimiters): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || Array.isArray(value))
    return encodeRepetition(value as Hl7RepetitionValue, d);
  if ('raw' in value) return value.raw;
  if ('repeat' in value) return value.repeat.map((r) => encodeRepetition(r, d)).join(d.repetition);
  return '';
}

/** One segment (without terminator); `fields[0]` is field 1. Trailing empty fields are dropped. */
export function encodeSegment(name: string, fields: readonly Hl7FieldValue[], d: Hl7Delimiters): string {
  const parts = fields.map((f) => encodeField(f, d));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.length === 0 ? name : name + d.field + parts.join(d.field);
}

/** MSH; `fields[0]` is MSH-3 (MSH-1 and MSH-2 come from the delimiters). */
export function encodeHeader(fields: readonly Hl7FieldValue[], d: Hl7Delimiters): string {
  return encodeSegment('MSH', [{ raw: encodingCharacters(d) }, ...fields], d);
}
