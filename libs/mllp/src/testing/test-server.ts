import { MllpClient } from '../mllp-client';
import { MllpServer } from '../mllp-server';
import type { MllpLogger, MllpServerOptions } from '../mllp-server.options';

export interface TestServer {
  server: MllpServer;
  port: number;
  /** Every object passed to the logger, to check that no message content leaks into logs. */
  logged: object[];
  connect(timeoutMs?: number): Promise<MllpClient>;
}

/** A loopback server on a free port that echoes `ACK|<message>` unless told otherwise. */
export async function startTestServer(overrides: Partial<MllpServerOptions> = {}): Promise<TestServer> {
  const logged: object[] = [];
  const record = (obj: object, msg: string) => logged.push({ ...obj, msg });
  const logger: MllpLogger = { info: record, warn: record, error: record };
  const server = new MllpServer({
    host: '127.0.0.1',
    port: 0,
    handler: async (message) => `ACK|${message}`,
    onOversize: (_ctx, size) => `NAK|oversize|${size}`,
    onHandlerError: () => 'NAK|error',
    logger,
    ...overrides,
  });
  const { port } = await server.listen();
  const connect = async (timeoutMs = 2000) => {
    const client = new MllpClient({ port, timeoutMs });
    await client.connect();
    return client;
  };
  return { server, port, logged, connect };
}
