import fc from 'fast-check';
import { type DecodedFrame, MllpFrameDecoder } from './frame-decoder';
import { encodeFrame } from './mllp-frame';
import { expectedFrames } from './testing/reference-model';

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;

function decodeAll(chunks: Buffer[], maxFrameBytes = 1024): { frames: DecodedFrame[]; noiseBytes: number } {
  const decoder = new MllpFrameDecoder(maxFrameBytes);
  const frames: DecodedFrame[] = [];
  let noiseBytes = 0;
  for (const chunk of chunks) {
    const result = decoder.push(chunk);
    frames.push(...result.frames);
    noiseBytes += result.noiseBytes;
  }
  return { frames, noiseBytes };
}

const payloads = (frames: DecodedFrame[]) =>
  frames.map((f) => (f.kind === 'frame' ? f.payload.toString() : `oversize:${f.size}`));

describe('MllpFrameDecoder', () => {
  it('reassembles a frame fed one byte at a time', () => {
    const bytes = encodeFrame('MSH|^~\\&|A\rPID|1');
    const { frames, noiseBytes } = decodeAll([...bytes].map((b) => Buffer.from([b])));
    expect(payloads(frames)).toEqual(['MSH|^~\\&|A\rPID|1']);
    expect(noiseBytes).toBe(0);
  });

  it('splits several frames from one chunk, keeping their order', () => {
    const chunk = Buffer.concat(['one', 'two', 'three'].map((m) => encodeFrame(m)));
    expect(payloads(decodeAll([chunk]).frames)).toEqual(['one', 'two', 'three']);
  });

  it('counts bytes outside frames as noise', () => {
    const chunk = Buffer.concat([Buffer.from('\r\n'), encodeFrame('a'), Buffer.from('xyz')]);
    const { frames, noiseBytes } = decodeAll([chunk]);
    expect(payloads(frames)).toEqual(['a']);
    expect(noiseBytes).toBe(5);
  });

  it('abandons a frame when a start block arrives inside it', () => {
    const chunk = Buffer.from([VT, 0x61, 0x62, VT, 0x63, FS, CR]);
    const { frames, noiseBytes } = decodeAll([chunk]);
    expect(payloads(frames)).toEqual(['c']);
    expect(noiseBytes).toBe(3);
  });

  it('keeps a 0x1C not followed by 0x0D as payload, also across chunks', () => {
    const { frames } = decodeAll([
      Buffer.from([VT, 0x61, FS]),
      Buffer.from([0x62, FS]),
      Buffer.from([FS, CR]),
    ]);
    expect(frames).toEqual([{ kind: 'frame', payload: Buffer.from([0x61, FS, 0x62, FS]) }]);
  });

  it('yields an empty payload for an empty frame', () => {
    expect(payloads(decodeAll([Buffer.from([VT, FS, CR])]).frames)).toEqual(['']);
  });

  it('accepts exactly maxFrameBytes and reports one byte more as oversize', () => {
    const { frames } = decodeAll(
      [encodeFrame('x'.repeat(8)), encodeFrame('y'.repeat(9)), encodeFrame('z')],
      8,
    );
    expect(payloads(frames)).toEqual(['x'.repeat(8), 'oversize:9', 'z']);
  });

  it('does not buffer an oversize frame split across chunks', () => {
    const big = encodeFrame('b'.repeat(10_000));
    const chunks = [big.subarray(0, 3000), big.subarray(3000, 7000), big.subarray(7000)];
    expect(payloads(decodeAll(chunks, 100).frames)).toEqual(['oversize:10000']);
  });

  it('agrees with the whole-buffer model for any bytes and any chunking', () => {
    const special = fc.constantFrom(VT, FS, CR);
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), special, special), { maxLength: 300 });
    const cuts = fc.array(fc.nat(300), { maxLength: 20 });
    fc.assert(
      fc.property(bytes, cuts, (values, cutPoints) => {
        const input = Buffer.from(values);
        const bounds = [
          0,
          ...cutPoints.map((c) => c % (input.length + 1)).sort((a, b) => a - b),
          input.length,
        ];
        const chunks = bounds.slice(1).map((end, i) => input.subarray(bounds[i], end));
        const { frames, noiseBytes } = decodeAll(chunks, 16);
        const expected = expectedFrames(input);
        const oversize = (payload: Buffer): DecodedFrame => ({ kind: 'oversize', size: payload.length });
        const frame = (payload: Buffer): DecodedFrame => ({ kind: 'frame', payload });
        expect(frames).toEqual(expected.payloads.map((p) => (p.length > 16 ? oversize(p) : frame(p))));
        expect(noiseBytes).toBe(expected.noiseBytes);
      }),
      { numRuns: 500 },
    );
  });
});
