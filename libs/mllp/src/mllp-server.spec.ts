import { MllpClient } from './mllp-client';
import { encodeFrame } from './mllp-frame';
import type { MllpConnectionInfo } from './mllp-server.options';
import { type TestServer, startTestServer } from './testing/test-server';

const ADT = 'MSH|^~\\&|EPIC|GEN|CT|GEN|202501011200||ADT^A01|MSG1|P|2.5\rPID|1||123^^^MRN||DOE^JANE';

describe('MllpServer framing', () => {
  let test: TestServer;
  let client: MllpClient;
  const noise: Array<[MllpConnectionInfo, number]> = [];
  const metrics = {
    frameReceived: jest.fn(),
    noiseBytes: jest.fn(),
    oversizeFrame: jest.fn(),
    handlerError: jest.fn(),
  };

  beforeEach(async () => {
    noise.length = 0;
    Object.values(metrics).forEach((m) => m.mockClear());
    test = await startTestServer({
      maxFrameBytes: 64,
      metrics,
      onNoise: (conn, count) => noise.push([conn, count]),
      handler: async (message) => {
        if (message.startsWith('FAIL')) throw new Error(`cannot parse ${message}`);
        return `ACK|${message}`;
      },
    });
    client = await test.connect();
  });

  afterEach(async () => {
    await client.close();
    await test.server.close(100);
  });

  it('answers a frame written one byte at a time', async () => {
    const response = client.nextFrame();
    for (const byte of encodeFrame('MSH|split')) {
      await client.sendRaw(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await response).toBe('ACK|MSH|split');
    expect(metrics.frameReceived).toHaveBeenCalledTimes(1);
  });

  it('answers many frames from one write, in order', async () => {
    const messages = Array.from({ length: 100 }, (_, i) => `MSH|${i}`);
    expect(await client.sendMany(messages)).toEqual(messages.map((m) => `ACK|${m}`));
  });

  it('reports noise outside frames and still answers the frames', async () => {
    await client.sendRaw(Buffer.concat([Buffer.from('junk'), encodeFrame('MSH|a'), Buffer.from('\n')]));
    expect(await client.nextFrame()).toBe('ACK|MSH|a');
    expect(await client.send('MSH|b')).toBe('ACK|MSH|b');
    expect(noise.map(([, count]) => count)).toEqual([5]);
    expect(noise[0][0]).toEqual({ connectionId: expect.any(String), remoteAddress: '127.0.0.1' });
    expect(metrics.noiseBytes).toHaveBeenCalledWith(5);
  });

  it('NAKs an oversize frame once and keeps the connection usable', async () => {
    expect(await client.send('x'.repeat(500))).toBe('NAK|oversize|500');
    expect(await client.send('MSH|after')).toBe('ACK|MSH|after');
    expect(metrics.oversizeFrame).toHaveBeenCalledTimes(1);
    expect(metrics.frameReceived).toHaveBeenCalledTimes(1);
  });

  it('sends the onHandlerError NAK and logs no message content', async () => {
    expect(await client.send(`FAIL${ADT.slice(0, 40)}`)).toBe('NAK|error');
    expect(await client.send('MSH|next')).toBe('ACK|MSH|next');
    expect(metrics.handlerError).toHaveBeenCalledTimes(1);
    expect(test.logged).toContainEqual(
      expect.objectContaining({ errorType: 'Error', msg: 'mllp handler failed' }),
    );
    expect(JSON.stringify(test.logged)).not.toMatch(/MSH|FAIL|DOE/);
  });

  it('decodes latin1 when configured', async () => {
    const latin = await startTestServer({ encoding: 'latin1' });
    const latinClient = new MllpClient({ port: latin.port, encoding: 'latin1' });
    await latinClient.connect();
    await latinClient.sendRaw(Buffer.from([0x0b, ...Buffer.from('PID|M\xfcller', 'latin1'), 0x1c, 0x0d]));
    expect(await latinClient.nextFrame()).toBe('ACK|PID|M\u00fcller');
    await latinClient.close();
    await latin.server.close(100);
  });
});

describe('MllpServer ordering', () => {
  it('answers pipelined frames in order even when later handlers finish first', async () => {
    const test = await startTestServer({
      handler: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 30 - Number(message) * 10));
        return `ACK|${message}`;
      },
    });
    const client = await test.connect();
    expect(await client.sendMany(['0', '1', '2'])).toEqual(['ACK|0', 'ACK|1', 'ACK|2']);
    await client.close();
    await test.server.close(100);
  });

  it('runs one handler at a time per connection', async () => {
    let running = 0;
    let maxRunning = 0;
    const test = await startTestServer({
      handler: async (message) => {
        maxRunning = Math.max(maxRunning, ++running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
        return `ACK|${message}`;
      },
    });
    const client = await test.connect();
    await client.sendMany(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(maxRunning).toBe(1);
    await client.close();
    await test.server.close(100);
  });
});
