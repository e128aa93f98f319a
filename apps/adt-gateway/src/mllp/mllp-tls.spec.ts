import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MllpClient } from '@ct/mllp';
import { selfSignedCertificate, startTestServer } from '@ct/mllp/testing';
import { mllpTlsOptions } from './mllp-tls';

const server = selfSignedCertificate('localhost');
const sender = selfSignedCertificate('sender');
const describeWithOpenssl = server && sender ? describe : describe.skip;

describeWithOpenssl('MLLP TLS settings from the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-tls-'));
  const file = (name: string, content: Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const env = {
    MLLP_TLS_CERT_FILE: file('server.pem', server!.cert),
    MLLP_TLS_KEY_FILE: file('server.key', server!.key),
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is plain MLLP without a certificate', () => {
    expect(mllpTlsOptions({})).toBeUndefined();
  });

  it('serves TLS with the configured certificate', async () => {
    const test = await startTestServer({ tls: mllpTlsOptions(env) });
    const client = new MllpClient({ port: test.port, tls: { ca: server!.cert, servername: 'localhost' } });
    await client.connect();
    expect(await client.sendMany(['MSH|1'])).toEqual(['ACK|MSH|1']);
    await client.close();
    await test.server.close(100);
  });

  it('with a client CA, serves only senders holding a certificate it trusts', async () => {
    const tls = mllpTlsOptions({ ...env, MLLP_TLS_CA_FILE: file('senders.pem', sender!.cert) });
    const test = await startTestServer({ tls });
    const trusted = { ca: server!.cert, servername: 'localhost' };
    const client = new MllpClient({
      port: test.port,
      tls: { ...trusted, cert: sender!.cert, key: sender!.key },
    });
    await client.connect();
    expect(await client.sendMany(['MSH|2'])).toEqual(['ACK|MSH|2']);
    await client.close();
    // TLS 1.3 refuses a missing client certificate after the handshake: the first exchange fails
    const anonymous = new MllpClient({ port: test.port, tls: trusted });
    const refused = await anonymous
      .connect()
      .then(() => anonymous.sendMany(['MSH|3']))
      .catch((error: Error) => error);
    expect(String(refused)).toMatch(/certificate required/);
    expect(test.logged).toContainEqual(
      expect.objectContaining({
        msg: 'mllp tls handshake failed',
        code: 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE',
      }),
    );
    await test.server.close(100);
  });

  it('names the variable and the file it cannot read, at boot', () => {
    expect(() => mllpTlsOptions({ ...env, MLLP_TLS_KEY_FILE: join(dir, 'missing.key') })).toThrow(
      /MLLP_TLS_KEY_FILE: cannot read .*missing\.key \(ENOENT\)/,
    );
  });
});
