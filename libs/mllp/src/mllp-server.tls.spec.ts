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
});
