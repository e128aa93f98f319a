import { Hl7ParseError } from './errors';

/** Encoding characters declared in MSH-1 and MSH-2. */
export interface Hl7Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
  /** v2.7+ truncation character (5th char of MSH-2), when the sender declares one. */
  readonly truncation?: string;
}

export const DEFAULT_DELIMITERS: Hl7Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

function isUsable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !alnum && c > 32 && c !== 127;
}

/** Reads MSH-1/MSH-2 from a message whose MSH segment starts at `start`. */
export function readDelimiters(raw: string, start: number): Hl7Delimiters {
  const field = raw.charAt(start + 3);
  const where = { segment: 'MSH', sequence: 1 };
  if (field === '' || !isUsable(field)) {
    throw new Hl7ParseError('BAD_ENCODING', 'MSH-1 field separator is missing or not a delimiter', {
      ...where,
      field: 1,
    });
  }
  let end = start + 4;
  while (end < raw.length) {
    const ch = raw.charAt(end);
    if (ch === field || ch === '\r' || ch === '\n') break;
    end++;
  }
  const chars = raw.slice(start + 4, end);
  const distinct = new Set(chars + field).size === chars.length + 1;
  if (chars.length < 4 || chars.length > 5 || !distinct || ![...chars].every(isUsable)) {
    throw new Hl7ParseError('BAD_ENCODING', `MSH-2 encoding characters "${chars}" are not valid`, {
      ...where,
      field: 2,
    });
  }
  return {
    field,
    component: chars.charAt(0),
    repetition: chars.charAt(1),
    escape: chars.charAt(2),
    subcomponent: chars.charAt(3),
    truncation: chars.length === 5 ? chars.charAt(4) : undefined,
  };
}

/** MSH-2 text for a set of delimiters. */
export function encodingCharacters(d: Hl7Delimiters): string {
  return d.component + d.repetition + d.escape + d.subcomponent + (d.truncation ?? '');
}
