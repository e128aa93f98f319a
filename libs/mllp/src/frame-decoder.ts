import { CARRIAGE_RETURN, END_BLOCK, START_BLOCK } from './mllp-frame';

/** One complete frame found in the stream, in arrival order. */
export type DecodedFrame =
  | { kind: 'frame'; payload: Buffer }
  /** A frame whose payload exceeded the limit; its bytes were dropped, only the size is kept. */
  | { kind: 'oversize'; size: number };

/** What one chunk of input produced. */
export interface DecodeResult {
  frames: DecodedFrame[];
  /** Bytes outside any frame, plus every byte of a frame abandoned by a new start block. */
  noiseBytes: number;
}

/**
 * Streaming MLLP decoder for one connection. Rules:
 * - bytes before a start block are noise;
 * - a frame ends only with 0x1C 0x0D; a 0x1C followed by anything else is payload;
 * - a start block inside a frame abandons that frame (its bytes count as noise) and opens a new one,
 *   so a sender that gave up mid-frame and retransmits is answered for the retransmission;
 * - a payload over `maxFrameBytes` is not buffered and yields `oversize` when its end block arrives.
 */
export class MllpFrameDecoder {
  private inFrame = false;
  private discarding = false;
  private pendingEnd = false;
  /** Frame bytes seen so far, including a trailing 0x1C that may turn out to be the end block. */
  private size = 0;
  private parts: Buffer[] = [];

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): DecodeResult {
    const frames: DecodedFrame[] = [];
    let noiseBytes = 0;
    let segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (!this.inFrame) {
        const start = chunk.indexOf(START_BLOCK, i);
        noiseBytes += (start < 0 ? chunk.length : start) - i;
        if (start < 0) break;
        i = start;
        this.open();
        segmentStart = i + 1;
      } else if (byte === START_BLOCK) {
        noiseBytes += 1 + this.size;
        this.open();
        segmentStart = i + 1;
      } else if (this.pendingEnd && byte === CARRIAGE_RETURN) {
        if (!this.discarding) this.parts.push(chunk.subarray(segmentStart, i));
        frames.push(this.finish());
      } else {
        this.pendingEnd = byte === END_BLOCK;
        // Plain payload bytes up to the next 0x0B or 0x1C need no look: skip them with memchr speed.
        const next = this.pendingEnd ? i + 1 : nextControlByte(chunk, i + 1);
        this.size += next - i;
        i = next - 1;
        if (!this.discarding && this.size > this.maxFrameBytes + 1) {
          this.discarding = true;
          this.parts = [];
        }
      }
    }
    if (this.inFrame && !this.discarding && segmentStart < chunk.length) {
      this.parts.push(chunk.subarray(segmentStart));
    }
    return { frames, noiseBytes };
  }

  private open(): void {
    this.inFrame = true;
    this.discarding = false;
    this.pendingEnd = false;
    this.size = 0;
    this.parts = [];
  }

  private finish(): DecodedFrame {
    const payloadSize = this.size - 1;
    const frame: DecodedFrame = this.discarding
      ? { kind: 'oversize', size: payloadSize }
      : { kind: 'frame', payload: Buffer.concat(this.parts).subarray(0, payloadSize) };
    this.inFrame = false;
    this.discarding = false;
    this.parts = [];
    return frame;
  }
}

function nextControlByte(chunk: Buffer, from: number): number {
  const start = chunk.indexOf(START_BLOCK, from);
  const end = chunk.indexOf(END_BLOCK, from);
  if (start < 0) return end < 0 ? chunk.length : end;
  return end < 0 ? start : Math.min(start, end);
}
