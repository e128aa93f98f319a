/** Start block (VT) that opens an MLLP frame. */
export const START_BLOCK = 0x0b;
/** First end-block byte (FS). A frame ends only with FS followed by CR. */
export const END_BLOCK = 0x1c;
/** Second end-block byte (CR). */
export const CARRIAGE_RETURN = 0x0d;

/** Character encoding of frame payloads; HL7 v2 feeds are UTF-8 or, from older systems, Latin-1. */
export type MllpEncoding = 'utf8' | 'latin1';

/** Wraps a payload in an MLLP frame: 0x0B payload 0x1C 0x0D. */
export function encodeFrame(payload: string, encoding: MllpEncoding = 'utf8'): Buffer {
  const body = Buffer.from(payload, encoding);
  const frame = Buffer.allocUnsafe(body.length + 3);
  frame[0] = START_BLOCK;
  body.copy(frame, 1);
  frame[body.length + 1] = END_BLOCK;
  frame[body.length + 2] = CARRIAGE_RETURN;
  return frame;
}
