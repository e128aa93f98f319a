import { randomBytes } from 'node:crypto';
import { DEFAULT_DELIMITERS } from './delimiters';
import { encodeHeader, encodeSegment, type Hl7FieldValue } from './encode';
import { HL7_ERROR_TEXT, type Hl7AckErrorCode, type Hl7ErrorLocation, type Hl7ParseError } from './errors';
import type { Hl7Header } from './header';

export type AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';
export type AckMode = 'original' | 'enhanced';

/** One ERR segment. */
export interface AckError {
  hl7ErrorCode: Hl7AckErrorCode;
  severity: 'E' | 'W' | 'I';
  location?: Hl7ErrorLocation;
  /** ERR-8 text for the sender's staff. */
  userMessage?: string;
}

export interface AckOutcome {
  code: AckCode;
  /** MSA-3 text. */
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

// 20 characters at most: MSH-10 is ST(20) before v2.7.
function newControlId(now: Date): string {
  counter = (counter + 1) % 0x1000000;
  return `${now.getTime().toString(36)}${processPrefix}${counter.toString(36)}`.toUpperCase().slice(0, 20);
}

function errSegment(e: AckError, version: string): string {
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
  const code = [String(e.hl7ErrorCode), HL7_ERROR_TEXT[e.hl7ErrorCode], 'HL70357'];
  // Before v2.5 ERR-1 (ELD) was the only field: SEG^seq^field^code&text&table.
  const legacy: Hl7FieldValue =
    version < '2.5'
      ? [loc.segment ?? '', String(loc.sequence ?? ''), String(loc.field ?? ''), code]
      : undefined;
  return encodeSegment(
    'ERR',
    [legacy, where, code, e.severity, '', '', '', e.userMessage],
    DEFAULT_DELIMITERS,
  );
}

/**
 * ACK for `header` (undefined when the input could not be parsed: then AR with empty MSA-2).
 * Segments end with \r; text is escaped.
 */
export function buildAck(header: Hl7Header | undefined, outcome: AckOutcome, now: Date = new Date()): string {
  const d = DEFAULT_DELIMITERS;
  const version = header?.version ?? '2.5.1';
  const code: AckCode = header ? outcome.code : 'AR';
  const msh = encodeHeader(
    [
      header?.receivingApplication ?? '',
      header?.receivingFacility ?? '',
      header?.sendingApplication ?? '',
      header?.sendingFacility ?? '',
      hl7Now(now),
      '',
      header ? ['ACK', header.triggerEvent, 'ACK'] : 'ACK',
      newControlId(now),
      header?.processingId || 'P',
      version,
    ],
    d,
  );
  const msa = encodeSegment('MSA', [code, header?.controlId ?? '', outcome.text], d);
  const errs = (outcome.errors ?? []).map((e) => errSegment(e, version));
  return [msh, msa, ...errs].join('\r') + '\r';
}
