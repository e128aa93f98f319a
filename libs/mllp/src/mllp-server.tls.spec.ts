import { MllpClient } from './mllp-client';
import { selfSignedCertificate } from './testing/certificates';
import { startTestServer } from './testing/test-server';

const certificate = selfSignedCertificate();
const describeWithOpenssl = certificate ? describe : describe.skip;

describeWithOpenssl('MllpServer over TLS', () => {
  it('answers frames over a verified TLS connection and refuses an untrusted client', async () => {
    const { key, cert } = certificate ?? { key: Buffer.alloc(0), cert: Buffer.alloc(0) };
    const test = await startTestServer({ tls: { key, cert } });
    const client = new MllpClient({ port: test.port, tls: { ca: cert, servername: 'localhost' } });
    await client.connect();
    expect(await client.sendMany(['MSH|1', 'MSH|2'])).toEqual(['ACK|MSH|1', 'ACK|MSH|2']);
    await client.close();
    const untrusting = new MllpClient({ port: test.port, tls: { servername: 'localhost' } });
    await expect(untrusting.connect()).rejects.toThrow('self-signed');
    await test.server.close(100);
  });

  it('names the sender by its verified client certificate over mutual TLS, and nobody over one-way TLS', async () => {
    const { key, cert } = certificate ?? { key: Buffer.alloc(0), cert: Buffer.alloc(0) };
    const peers: (string | undefined)[] = [];
    const handler = async (message: string, ctx: { peer?: string }) => {
      peers.push(ctx.peer);
      return `ACK|${message}`;
    };
    const mutual = await startTestServer({
      tls: { key, cert, ca: cert, requestCert: true, rejectUnauthorized: true },
      handler,
    });
    const client = new MllpClient({
      port: mutual.port,
      tls: { ca: cert, key, cert, servername: 'localhost' },
    });
    await client.connect();
    expect(await client.send('MSH|1')).toBe('ACK|MSH|1');
    await client.close();
    await mutual.server.close(100);

    const oneWay = await startTestServer({ tls: { key, cert }, handler });
    const anonymous = new MllpClient({ port: oneWay.port, tls: { ca: cert, servername: 'localhost' } });
    await anonymous.connect();
    await anonymous.send('MSH|2');
    await anonymous.close();
    await oneWay.server.close(100);
    expect(peers).toEqual(['cert:CN=localhost', undefined]);
  });
});
