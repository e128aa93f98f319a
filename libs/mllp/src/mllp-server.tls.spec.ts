import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MllpClient } from './mllp-client';
import { startTestServer } from './testing/test-server';

/** A throwaway self-signed certificate for localhost; undefined when openssl is not installed. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'mllp-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
      ].concat([
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
