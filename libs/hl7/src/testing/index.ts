export { adtMessage, refMessage, type AdtMessageOptions, type ExtraSegment } from './adt-message.builder';
export { sample, sampleNames } from './samples';

/** Joins segment lines with \r and ends the message with \r, as on the wire. */
export function hl7(...lines: string[]): string {
  return lines.join('\r') + '\r';
}
