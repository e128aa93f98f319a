/** Why a message could not be read; each maps to an HL7 table 0357 code for ERR-3. */
export type Hl7ParseErrorCode =
  | 'EMPTY'
  | 'NO_MSH'
  | 'BAD_ENCODING'
  | 'BAD_SEGMENT'
  | 'MISSING_SEGMENT'
  | 'MISSING_FIELD'
  | 'BAD_VALUE'
  | 'UNSUPPORTED_MESSAGE_TYPE'
  | 'UNSUPPORTED_EVENT'
  | 'UNSUPPORTED_VERSION'
  | 'INTERNAL';

/** HL7 table 0357 (message error condition codes) as used in ERR-3. */
export type Hl7AckErrorCode = 0 | 100 | 101 | 102 | 103 | 200 | 201 | 202 | 203 | 205 | 207;

// A Record over the union makes a new parse error code fail to compile until it is mapped.
const TABLE_0357: Record<Hl7ParseErrorCode, Hl7AckErrorCode> = {
  EMPTY: 100,
  NO_MSH: 100,
  BAD_ENCODING: 102,
  BAD_SEGMENT: 100,
  MISSING_SEGMENT: 100,
  MISSING_FIELD: 101,
  BAD_VALUE: 102,
  UNSUPPORTED_MESSAGE_TYPE: 200,
  UNSUPPORTED_EVENT: 201,
  UNSUPPORTED_VERSION: 203,
  INTERNAL: 207,
};

/** Table 0357 descriptions, sent as ERR-3.2. */
export const HL7_ERROR_TEXT: Record<Hl7AckErrorCode, string> = {
  0: 'Message accepted',
  100: 'Segment sequence error',
  101: 'Required field missing',
  102: 'Data type error',
  103: 'Table value not found',
  200: 'Unsupported message type',
  201: 'Unsupported event code',
  202: 'Unsupported processing id',
  203: 'Unsupported version id',
  205: 'Duplicate key identifier',
  207: 'Application internal error',
};

/** Where in a message a problem is: the parts of HL7 ERR-2 (ERL). Numbers are 1-based. */
export interface Hl7ErrorLocation {
  segment?: string;
  sequence?: number;
  field?: number;
  repetition?: number;
  component?: number;
  subcomponent?: number;
}

/** Thrown for any input that cannot be parsed or extracted; carries what an ERR segment needs. */
export class Hl7ParseError extends Error {
  override readonly name = 'Hl7ParseError';
  readonly hl7ErrorCode: Hl7AckErrorCode;
  readonly segment?: string;
  readonly sequence?: number;
  readonly field?: number;
  readonly repetition?: number;
  readonly component?: number;
  readonly subcomponent?: number;

  constructor(
    readonly code: Hl7ParseErrorCode,
    message: string,
    location: Hl7ErrorLocation = {},
  ) {
    super(message);
    this.hl7ErrorCode = TABLE_0357[code];
    this.segment = location.segment;
    this.sequence = location.sequence;
    this.field = location.field;
    this.repetition = location.repetition;
    this.component = location.component;
    this.subcomponent = location.subcomponent;
  }

  get location(): Hl7ErrorLocation {
    const { segment, sequence, field, repetition, component, subcomponent } = this;
    return { segment, sequence, field, repetition, component, subcomponent };
  }
}

/** "PID-3[2].4" style text for messages. */
export function describeLocation(loc: Hl7ErrorLocation): string {
  if (!loc.segment) return 'message';
  let text = loc.segment;
  if (loc.sequence && loc.sequence > 1) text += `[${loc.sequence}]`;
  if (loc.field === undefined) return text;
  text += `-${loc.field}`;
  if (loc.repetition && loc.repetition > 1) text += `[${loc.repetition}]`;
  if (loc.component) text += `.${loc.component}`;
  if (loc.component && loc.subcomponent) text += `.${loc.subcomponent}`;
  return text;
}
