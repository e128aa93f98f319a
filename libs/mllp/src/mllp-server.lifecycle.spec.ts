import { connect } from 'node:net';
import { encodeFrame } from './mllp-frame';
import { startTestServer } from './testing/test-server';

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 100) throw new Error('condition not met within 1 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('MllpServer lifecycle', () => {
  it('closes a connection that stays idle', async () => {
    const test = await startTestServer({ idleTimeoutMs: 150 });
    const client = await test.connect();
    expect(await client.send('MSH|1')).toBe('ACK|MSH|1');
    await client.whenClosed();
    await eventually(() => test.server.connections === 0);
    expect(test.logged).toContainEqual(expect.objectContaining({ msg: 'mllp connection idle, closing' }));
    await test.server.close(100);
  });

  it('does not close for idleness while a handler is still running', async () => {
    const test = await startTestServer({
      idleTimeoutMs: 100,
      handler: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return `ACK|${message}`;
      },
    });
    const client = await test.connect();
    expect(await client.send('MSH|slow')).toBe('ACK|MSH|slow');
    await client.close();
    await test.server.close(100);
  });

  it('serves 50 concurrent connections', async () => {
    const test = await startTestServer();
    const clients = await Promise.all(Array.from({ length: 50 }, () => test.connect()));
    await eventually(() => test.server.connections === 50);
    const responses = await Promise.all(clients.map((c, i) => c.sendMany([`MSH|${i}|a`, `MSH|${i}|b`])));
    expect(responses).toEqual(clients.map((_, i) => [`ACK|MSH|${i}|a`, `ACK|MSH|${i}|b`]));
    await Promise.all(clients.map((c) => c.close()));
    await test.server.close(100);
  });

  it('on close, waits for the in-flight handler and writes its ACK before ending', async () => {
    const release = deferred();
    const started = deferred();
    const test = await startTestServer({
      handler: async (message) => {
        started.resolve();
        await release.promise;
        return `ACK|${message}`;
      },
    });
    const client = await test.connect();
    const response = client.send('MSH|inflight');
    await started.promise;
    let closeDone = false;
    const closed = test.server.close(5000).then(() => (closeDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closeDone).toBe(false);
    release.resolve();
    expect(await response).toBe('ACK|MSH|inflight');
    await closed;
    await client.whenClosed();
    expect(test.server.connections).toBe(0);
  });

  it('destroys connections still busy after the grace period', async () => {
    const test = await startTestServer({ handler: () => new Promise<string>(() => undefined) });
    const client = await test.connect();
    const response = expect(client.send('MSH|stuck')).rejects.toThrow('closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const startedAt = Date.now();
    await test.server.close(50);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await response;
    await expect(test.connect()).rejects.toThrow('ECONNREFUSED');
  });

  it('pauses reading while too many frames wait, and still answers all in order', async () => {
    const readPaused = jest.fn();
    const test = await startTestServer({ maxPendingFrames: 4, metrics: { readPaused } });
    const client = await test.connect();
    const messages = Array.from({ length: 200 }, (_, i) => `MSH|${i}`);
    expect(await client.sendMany(messages)).toEqual(messages.map((m) => `ACK|${m}`));
    expect(readPaused).toHaveBeenCalled();
    await client.close();
    await test.server.close(100);
  });

  it('still answers a sender that half-closes after writing', async () => {
    const test = await startTestServer();
    const socket = connect({ port: test.port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.end(Buffer.concat([encodeFrame('MSH|1'), encodeFrame('MSH|2')]));
    await new Promise((resolve) => socket.on('close', resolve));
    expect(Buffer.concat(received)).toEqual(
      Buffer.concat([encodeFrame('ACK|MSH|1'), encodeFrame('ACK|MSH|2')]),
    );
    await test.server.close(100);
  });

  it('survives a handler that throws synchronously and hooks that throw', async () => {
    const test = await startTestServer({
      handler: () => {
        throw new Error('sync');
      },
      onNoise: () => {
        throw new Error('hook');
      },
    });
    const client = await test.connect();
    await client.sendRaw(Buffer.from('noise'));
    expect(await client.send('MSH|1')).toBe('NAK|error');
    await client.close();
    await test.server.close(100);
  });

  it('drops the connection when no NAK can be built', async () => {
    const test = await startTestServer({
      maxFrameBytes: 4,
      onOversize: () => {
        throw new Error('no nak');
      },
    });
    const client = await test.connect();
    await expect(client.send('MSH|too long')).rejects.toThrow('closed');
    await eventually(() => test.server.connections === 0);
    await test.server.close(100);
  });

  it('survives a client that resets the connection mid-frame', async () => {
    const test = await startTestServer();
    const socket = connect({ port: test.port, host: '127.0.0.1' });
    await new Promise((resolve) => socket.on('connect', resolve));
    socket.write(encodeFrame('MSH|cut').subarray(0, 5));
    socket.resetAndDestroy();
    const client = await test.connect();
    expect(await client.send('MSH|ok')).toBe('ACK|MSH|ok');
    await client.close();
    await test.server.close(100);
  });

  it('rejects send after its timeout and drops the connection', async () => {
    const test = await startTestServer({ handler: () => new Promise<string>(() => undefined) });
    const client = await test.connect(50);
    await expect(client.send('MSH|1')).rejects.toThrow('no MLLP response within 50 ms');
    await client.whenClosed();
    await test.server.close(50);
  });
});
