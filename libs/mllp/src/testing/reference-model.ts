import { CARRIAGE_RETURN, END_BLOCK, START_BLOCK } from '../mllp-frame';

export interface ExpectedFrames {
  /** Payload of every complete frame, in order. */
  payloads: Buffer[];
  noiseBytes: number;
}

/**
 * The framing rules restated over a whole buffer with indexOf, independent of the streaming
 * decoder, for property tests: a start block restarts, only 0x1C 0x0D ends, a trailing partial
 * frame is neither a frame nor noise.
 */
export function expectedFrames(input: Uint8Array): ExpectedFrames {
  const bytes = Buffer.from(input);
  const payloads: Buffer[] = [];
  let noiseBytes = 0;
  let position = 0;
  for (;;) {
    let start = bytes.indexOf(START_BLOCK, position);
    if (start < 0) return { payloads, noiseBytes: noiseBytes + bytes.length - position };
    noiseBytes += start - position;
    for (;;) {
      const restart = bytes.indexOf(START_BLOCK, start + 1);
      const end = bytes.indexOf(Buffer.from([END_BLOCK, CARRIAGE_RETURN]), start + 1);
      if (end < 0 && restart < 0) return { payloads, noiseBytes };
      if (restart >= 0 && (end < 0 || restart < end)) {
        noiseBytes += restart - start;
        start = restart;
        continue;
      }
      payloads.push(bytes.subarray(start + 1, end));
      position = end + 2;
      break;
    }
  }
}
