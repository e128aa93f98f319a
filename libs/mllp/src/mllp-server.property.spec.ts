import fc from 'fast-check';
import { encodeFrame } from './mllp-frame';
import { expectedFrames } from './testing/reference-model';
import { type TestServer, startTestServer } from './testing/test-server';

const MAX_FRAME_BYTES = 16;

/** What the test server answers for a payload: it NAKs oversize frames and payloads containing '!'. */
function expectedResponse(payload: Buffer): string {
  if (payload.length > MAX_FRAME_BYTES) return `NAK|oversize|${payload.length}`;
  return payload.toString('utf8').includes('!') ? 'NAK|error' : 'ACK';
}

describe('MllpServer with arbitrary input', () => {
  let test: TestServer;

  beforeAll(async () => {
    test = await startTestServer({
      maxFrameBytes: MAX_FRAME_BYTES,
      handler: async (message) => {
        if (message.includes('!')) throw new Error('bad message');
        return message === 'MSH|FINAL' ? 'FINAL' : 'ACK';
      },
    });
  });

  afterAll(() => test.server.close(100));

  it('answers every complete frame exactly once, in order, then serves a valid frame', async () => {
    const special = fc.constantFrom(0x0b, 0x1c, 0x0d, 0x21);
    const bytes = fc.uint8Array({ maxLength: 200 }).chain((base) =>
      fc.array(fc.tuple(fc.nat(base.length), special), { maxLength: 30 }).map((injections) => {
        const values = [...base];
        for (const [at, byte] of injections) values.splice(at, 0, byte);
        return Buffer.from(values);
      }),
    );
    const cuts = fc.array(fc.nat(300), { maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(bytes, cuts, async (input, cutPoints) => {
        const client = await test.connect();
        const bounds = [
          0,
          ...cutPoints.map((c) => c % (input.length + 1)).sort((a, b) => a - b),
          input.length,
        ];
        for (let i = 1; i < bounds.length; i++) {
          await client.sendRaw(input.subarray(bounds[i - 1], bounds[i]));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await client.sendRaw(encodeFrame('MSH|FINAL'));
        const responses: string[] = [];
        for await (const frame of client.frames()) {
          responses.push(frame);
          if (frame === 'FINAL') break;
        }
        await client.close();
        expect(responses).toEqual([...expectedFrames(input).payloads.map(expectedResponse), 'FINAL']);
      }),
      { numRuns: 150 },
    );
    expect(test.logged).not.toContainEqual(expect.objectContaining({ msg: 'mllp connection failed' }));
  });
});
