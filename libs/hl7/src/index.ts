export { parseHl7, type Hl7Message } from './message';
export type { Hl7Segment } from './segment';
export { DEFAULT_DELIMITERS, type Hl7Delimiters } from './delimiters';
export { escapeHl7, unescapeHl7 } from './escape';
export {
  encodeField,
  encodeHeader,
  encodeSegment,
  type Hl7ComponentValue,
  type Hl7FieldValue,
  type Hl7RepetitionValue,
} from './encode';
export {
  Hl7ParseError,
  HL7_ERROR_TEXT,
  describeLocation,
  type Hl7AckErrorCode,
  type Hl7ErrorLocation,
  type Hl7ParseErrorCode,
} from './errors';
export { readHeader, type Hl7Header } from './header';
export { extractAdt } from './adt';
export type * from './adt.types';
export { isSupportedVersion, SUPPORTED_EVENTS } from './version';
export { isHl7Timestamp } from './fields';
export { parseHl7Timestamp } from './timestamp';
export {
  ackCode,
  ackMode,
  buildAck,
  errorFromParseError,
  type AckCode,
  type AckError,
  type AckMode,
  type AckOutcome,
} from './ack';
