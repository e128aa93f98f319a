import { readDelimiters, type Hl7Delimiters } from './delimiters';
import { Hl7ParseError } from './errors';
import { parsePath } from './path';
import { ParsedSegment, type Hl7Segment } from './segment';

/** A parsed HL7 v2 message. Fields are split lazily, so parsing cost is paid only for what is read. */
export interface Hl7Message {
  segments(name: string): Hl7Segment[];
  segment(name: string): Hl7Segment | undefined;
  /** All segments in order, Z-segments included. */
  all(): readonly Hl7Segment[];
  /** Decoded value at e.g. 'PID-3[1].1', 'MSH-9.2', 'PV1-45', 'DG1[2]-3.1'; first repetition by default. */
  get(path: string): string | undefined;
  readonly raw: string;
  readonly delimiters: Hl7Delimiters;
}

class ParsedMessage implements Hl7Message {
  constructor(
    readonly raw: string,
    readonly delimiters: Hl7Delimiters,
    private readonly list: ParsedSegment[],
  ) {}

  segments(name: string): Hl7Segment[] {
    const found: Hl7Segment[] = [];
    for (const s of this.list) if (s.name === name) found.push(s);
    return found;
  }

  segment(name: string): Hl7Segment | undefined {
    for (const s of this.list) if (s.name === name) return s;
    return undefined;
  }

  all(): readonly Hl7Segment[] {
    return this.list;
  }

  get(path: string): string | undefined {
    const p = parsePath(path);
    let seen = 0;
    for (const s of this.list) {
      if (s.name === p.segment && ++seen === p.sequence) {
        return s.get(p.field, p.component, p.subcomponent, p.repetition);
      }
    }
    return undefined;
  }
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

// MLLP framing bytes, a BOM and whitespace are tolerated before the message.
function isLeadingPadding(c: number): boolean {
  return c <= 32 || c === 0xfeff || c === 0x1c;
}

// After it only line ends and framing bytes: a space or control character there is data of the last field.
function isTrailingPadding(c: number): boolean {
  return c === 0x0d || c === 0x0a || c === 0x1c || c === 0x0b;
}

/** Parses raw HL7 v2 text (segments ended by \r, \n or \r\n). Throws Hl7ParseError. */
export function parseHl7(raw: string): Hl7Message {
  if (typeof raw !== 'string') throw new Hl7ParseError('EMPTY', 'Message is not text');
  let start = 0;
  let end = raw.length;
  while (start < end && isLeadingPadding(raw.charCodeAt(start))) start++;
  while (end > start && isTrailingPadding(raw.charCodeAt(end - 1))) end--;
  if (start === end) throw new Hl7ParseError('EMPTY', 'Message is empty');
  if (!raw.startsWith('MSH', start)) {
    throw new Hl7ParseError('NO_MSH', 'Message does not start with an MSH segment', {
      segment: 'MSH',
      sequence: 1,
    });
  }
  const delimiters = readDelimiters(raw, start);
  const list: ParsedSegment[] = [];
  let cr = raw.indexOf('\r', start);
  let lf = raw.indexOf('\n', start);
  let pos = start;
  while (pos < end) {
    if (cr !== -1 && cr < pos) cr = raw.indexOf('\r', pos);
    if (lf !== -1 && lf < pos) lf = raw.indexOf('\n', pos);
    let stop = end;
    if (cr !== -1 && cr < stop) stop = cr;
    if (lf !== -1 && lf < stop) stop = lf;
    if (stop > pos) addSegment(raw.slice(pos, stop), list, delimiters);
    pos = stop + 1;
  }
  return new ParsedMessage(raw, delimiters, list);
}

function addSegment(text: string, list: ParsedSegment[], d: Hl7Delimiters): void {
  const named =
    text.length >= 3 &&
    isNameChar(text.charCodeAt(0)) &&
    isNameChar(text.charCodeAt(1)) &&
    isNameChar(text.charCodeAt(2)) &&
    (text.length === 3 || text.charAt(3) === d.field);
  if (named) {
    list.push(new ParsedSegment(text, text.slice(0, 3), d, list));
    return;
  }
  if (text.trim() === '') return;
  throw new Hl7ParseError('BAD_SEGMENT', `Segment ${list.length + 1} has no valid segment id`, {
    segment: text.slice(0, 3),
  });
}
