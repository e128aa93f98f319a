import { randomBytes } from 'node:crypto';
import { DEFAULT_DELIMITERS } from './delimiters';
import { encodeHeader, encodeSegment, type Hl7FieldValue } from './encode';
import { HL7_ERROR_TEXT, type Hl7AckErrorCode, type Hl7ErrorLocation, type Hl7ParseError } from './errors';
import { fitEscaped } from './escape';
import type { Hl7Header } from './header';
import { isVersionAtLeast } from './version';

export type AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';
export type AckMode = 'original' | 'enhanced';

/** One ERR segment (before v2.5: one repetition of ERR-1). */
export interface AckError {
  hl7ErrorCode: Hl7AckErrorCode;
  severity: 'E' | 'W' | 'I';
  location?: Hl7ErrorLocation;
  /** ERR-8 text for the sender's staff (v2.5+; before that MSA-3 carries the first one). */
  userMessage?: string;
}

export interface AckOutcome {
  code: AckCode;
  /** MSA-3 text (v2.7+, where MSA-3 is withdrawn: an ERR-8). */
  text?: string;
  errors?: AckError[];
}

/** Enhanced mode when the sender filled MSH-15 or MSH-16. */
export function ackMode(header: Hl7Header): AckMode {
  return header.acceptAckType || header.applicationAckType ? 'enhanced' : 'original';
}

export function ackCode(mode: AckMode, outcome: 'accept' | 'error' | 'reject'): AckCode {
  const codes = mode === 'enhanced' ? (['CA', 'CE', 'CR'] as const) : (['AA', 'AE', 'AR'] as const);
  return codes[outcome === 'accept' ? 0 : outcome === 'error' ? 1 : 2];
}

export function errorFromParseError(err: Hl7ParseError): AckError {
  return { hl7ErrorCode: err.hl7ErrorCode, severity: 'E', location: err.location, userMessage: err.message };
}

// MSH-7 (TS before v2.6, DTM after): YYYYMMDDHHMMSS.SSS+ZZZZ, 23 characters, valid in every version.
function hl7Now(now: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.${pad(now.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

// Unique per process (random prefix) and per ACK (counter), without a crypto call per message.
const processPrefix = randomBytes(3).toString('hex');
let counter = 0;

// 20 characters at most: MSH-10 is ST(20) before v2.6.
function newControlId(now: Date): string {
  counter = (counter + 1) % 0x1000000;
  return `${now.getTime().toString(36)}${processPrefix}${counter.toString(36)}`.toUpperCase().slice(0, 20);
}

const MSA_TEXT_MAX = 80; // MSA-3 ST(80), v2.3-v2.6
const USER_MESSAGE_MAX = 250; // ERR-8 TX(250), v2.5+

// v2.5+: ERR-2 location (ERL), ERR-3 code, ERR-4 severity, ERR-8 user message; ERR-1 is left out.
function errSegment(e: AckError, code: Hl7FieldValue): string {
  const loc = e.location ?? {};
  const where: Hl7FieldValue = loc.segment
    ? [
        loc.segment,
        String(loc.sequence ?? 1),
        loc.field === undefined ? '' : String(loc.field),
        loc.field === undefined ? '' : String(loc.repetition ?? 1),
        loc.component === undefined ? '' : String(loc.component),
        loc.subcomponent === undefined ? '' : String(loc.subcomponent),
      ]
    : undefined;
  const message = e.userMessage && fitEscaped(e.userMessage, USER_MESSAGE_MAX, DEFAULT_DELIMITERS);
  return encodeSegment('ERR', [undefined, where, code, e.severity, '', '', '', message], DEFAULT_DELIMITERS);
}

// Before v2.5 ERR has only ERR-1 (ELD: SEG^seq^field^code) and the ACK one ERR: one repetition each.
function legacyErrSegment(errors: AckError[], codeOf: (e: AckError) => string[]): string {
  const eld = errors.map((e) => {
    const loc = e.location ?? {};
    return [loc.segment ?? '', String(loc.sequence ?? ''), String(loc.field ?? ''), codeOf(e)];
  });
  return encodeSegment('ERR', [{ repeat: eld }], DEFAULT_DELIMITERS);
}

// v2.7 withdrew MSA-3 ("see ERR-8"): the text goes to the first ERR without a user message, or to
// an ERR of its own when there is none; when every ERR has its own message, those say it.
function textToErr(text: string | undefined, errors: AckError[], accept: boolean): AckError[] {
  if (!text || errors.some((e) => e.userMessage === text)) return errors;
  const free = errors.findIndex((e) => !e.userMessage);
  if (free >= 0) return errors.map((e, i) => (i === free ? { ...e, userMessage: text } : e));
  if (errors.length > 0) return errors;
  return [{ hl7ErrorCode: accept ? 0 : 207, severity: accept ? 'I' : 'E', userMessage: text }];
}

/**
 * ACK for `header` (undefined when the input could not be parsed: then AR with empty MSA-2, v2.5.1),
 * shaped to the sender's version: MSH-9, MSA-3 and ERR as that version defines them.
 * Segments end with \r; text is escaped and cut to the field's max length.
 */
export function buildAck(header: Hl7Header | undefined, outcome: AckOutcome, now: Date = new Date()): string {
  const d = DEFAULT_DELIMITERS;
  const version = header?.version ?? '2.5.1';
  const code: AckCode = header ? outcome.code : 'AR';
  // MSH-9.3 is defined from 2.3.1, but MSH-9 there is 7 characters long (15 from 2.4).
  const messageType = isVersionAtLeast(version, '2.4')
    ? ['ACK', header?.triggerEvent ?? '', 'ACK']
    : ['ACK', header?.triggerEvent ?? ''];
  const msh = encodeHeader(
    [
      header?.receivingApplication ?? '',
      header?.receivingFacility ?? '',
      header?.sendingApplication ?? '',
      header?.sendingFacility ?? '',
      hl7Now(now),
      '',
      messageType,
      newControlId(now),
      header?.processingId || 'P',
      version,
    ],
    d,
  );
  let errors = outcome.errors ?? [];
  let text = outcome.text;
  if (!isVersionAtLeast(version, '2.5')) text ??= errors.find((e) => e.userMessage)?.userMessage;
  if (isVersionAtLeast(version, '2.7')) {
    errors = textToErr(text, errors, code === 'AA' || code === 'CA');
    text = undefined;
  }
  const msaText = text && fitEscaped(text, MSA_TEXT_MAX, d);
  const msa = encodeSegment('MSA', [code, header?.controlId ?? '', msaText], d);
  const codeOf = (e: AckError) => [String(e.hl7ErrorCode), HL7_ERROR_TEXT[e.hl7ErrorCode], 'HL70357'];
  const errs = isVersionAtLeast(version, '2.5')
    ? errors.map((e) => errSegment(e, codeOf(e)))
    : errors.length > 0
      ? [legacyErrSegment(errors, codeOf)]
      : [];
  return [msh, msa, ...errs].join('\r') + '\r';
}
