import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnv, apiEnvSchema, type AuthEnv } from '@ct/config';
import { LocalIssuer } from './testing';
import { InvalidTokenError, KeysUnavailableError, TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  let dir: string;
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;
  const envOf = (extra: Record<string, string>): AuthEnv =>
    validateEnv(apiEnvSchema, { DATABASE_URL: 'postgres://u:p@127.0.0.1/db', ...issuer.env, ...extra });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-auth-'));
    issuer = await LocalIssuer.open(dir);
    verifier = TokenVerifier.fromEnv(envOf({}));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the subject, the roles, the facilities and the teams of a good token', async () => {
    const token = await issuer.token({
      subject: 'u-123',
      roles: ['care-coordinator', 'ops'],
      facilities: ['RIVERSIDE', 'LAKESIDE'],
      teams: ['tcm-east'],
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'u-123',
      roles: ['care-coordinator', 'ops'],
      facilities: ['RIVERSIDE', 'LAKESIDE'],
      teams: ['tcm-east'],
    });
  });

  it('reads facilities and teams where AUTH_FACILITIES_CLAIM and AUTH_TEAMS_CLAIM say, none if absent', async () => {
    const claims = { ct: { sites: 'RIVERSIDE LAKESIDE', groups: ['tcm-east', 7] } };
    const token = await issuer.token({ roles: ['care-coordinator'], claims });
    const custom = TokenVerifier.fromEnv(
      envOf({ AUTH_FACILITIES_CLAIM: 'ct.sites', AUTH_TEAMS_CLAIM: 'ct.groups' }),
    );
    await expect(custom.verify(token)).resolves.toMatchObject({
      facilities: ['RIVERSIDE', 'LAKESIDE'],
      teams: ['tcm-east'],
    });
    const absent = TokenVerifier.fromEnv(
      envOf({ AUTH_FACILITIES_CLAIM: 'sites', AUTH_TEAMS_CLAIM: 'groups' }),
    );
    await expect(absent.verify(token)).resolves.toMatchObject({ facilities: [], teams: [] });
  });

  it('finds roles at a dotted claim path, or in a space-separated string', async () => {
    const claims = { realm_access: { roles: ['ops', 42] }, scope: 'openid care-coordinator' };
    const token = await issuer.token({ roles: ['adt-feed'], claims });
    const nested = TokenVerifier.fromEnv(envOf({ AUTH_ROLES_CLAIM: 'realm_access.roles' }));
    await expect(nested.verify(token)).resolves.toMatchObject({ roles: ['ops'] });
    const spaced = TokenVerifier.fromEnv(envOf({ AUTH_ROLES_CLAIM: 'scope' }));
    await expect(spaced.verify(token)).resolves.toMatchObject({ roles: ['openid', 'care-coordinator'] });
    const absent = TokenVerifier.fromEnv(envOf({ AUTH_ROLES_CLAIM: 'groups' }));
    await expect(absent.verify(token)).resolves.toMatchObject({ roles: [] });
  });

  it.each([
    ['expired', { expiresAt: Math.floor(Date.now() / 1000) - 120 }, /has expired/],
    ['from another issuer', { issuer: 'https://evil.example' }, /"iss" claim is not accepted/],
    ['for another audience', { audience: 'billing' }, /"aud" claim is not accepted/],
  ])('refuses a token %s, saying why', async (_case, options, reason) => {
    const token = await issuer.token(options);
    await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(token)).rejects.toThrow(reason);
  });

  it('refuses a token signed by another key, a forged one and garbage', async () => {
    const other = await LocalIssuer.open(join(dir, 'other'));
    await expect(verifier.verify(await other.token())).rejects.toThrow(/no key of the issuer matches/);
    const [header, , signature] = (await issuer.token({ roles: [] })).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        sub: 'x',
        roles: ['ops'],
        iss: LocalIssuer.issuer,
        aud: LocalIssuer.audience,
        exp: 4e9,
      }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toThrow(
      /signature does not verify/,
    );
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow(/not a well-formed signed JWT/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { sub: 'x', roles: ['ops'], iss: LocalIssuer.issuer, aud: LocalIssuer.audience, exp: 4e9 };
    const unsigned = `${part({ alg: 'none' })}.${part(claims)}.`;
    await expect(verifier.verify(unsigned)).rejects.toThrow(InvalidTokenError);
  });

  it('says keys are unavailable, not that the token is bad, when the provider cannot be reached', async () => {
    const remote = TokenVerifier.fromEnv({
      ...envOf({}),
      AUTH_JWKS_FILE: undefined,
      AUTH_JWKS_URL: 'http://127.0.0.1:9/certs',
    });
    await expect(remote.verify(await issuer.token())).rejects.toThrow(KeysUnavailableError);
  });

  /** A verifier reading FIRST's key file, and NEXT: the issuer the file will rotate to. */
  const rotation = async (name: string, keyFileCooldownMs: number) => {
    const first = await LocalIssuer.open(join(dir, `${name}-first`));
    const next = await LocalIssuer.open(join(dir, `${name}-next`));
    const verifier = TokenVerifier.fromEnv(envOf({ AUTH_JWKS_FILE: first.jwksFile }), { keyFileCooldownMs });
    return {
      first,
      next,
      verifier,
      rotate: () => writeFileSync(first.jwksFile, readFileSync(next.jwksFile)),
    };
  };

  it('takes a rotated key file without a restart, and keeps its keys while the file is half written', async () => {
    const { first, next, verifier, rotate } = await rotation('rotate', 0);
    await expect(verifier.verify(await first.token({ subject: 'a' }))).resolves.toMatchObject({
      subject: 'a',
    });
    // half written: the old keys still verify, the new token is refused for now
    writeFileSync(first.jwksFile, '{"keys": [');
    await expect(verifier.verify(await next.token())).rejects.toThrow(/no key of the issuer matches/);
    await expect(verifier.verify(await first.token({ subject: 'a' }))).resolves.toMatchObject({
      subject: 'a',
    });
    // the provider's new key set lands: the new key verifies, the retired one no longer does
    rotate();
    await expect(verifier.verify(await next.token({ subject: 'b' }))).resolves.toMatchObject({
      subject: 'b',
    });
    await expect(verifier.verify(await first.token())).rejects.toThrow(/no key of the issuer matches/);
  });

  it('re-reads the key file at most once per cooldown for unknown key ids', async () => {
    const { next, verifier, rotate } = await rotation('cooldown', 60_000);
    rotate();
    await expect(verifier.verify(await next.token())).rejects.toThrow(/no key of the issuer matches/);
  });

  it('stops the boot, naming the variable, when the key file is not a key set', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, 'not json');
    expect(() => TokenVerifier.fromEnv(envOf({ AUTH_JWKS_FILE: bad }))).toThrow(/AUTH_JWKS_FILE/);
    expect(() => TokenVerifier.fromEnv(envOf({ AUTH_JWKS_FILE: join(dir, 'missing.json') }))).toThrow(
      /AUTH_JWKS_FILE/,
    );
    writeFileSync(bad, '{"keys": "none"}');
    expect(() => TokenVerifier.fromEnv(envOf({ AUTH_JWKS_FILE: bad }))).toThrow(/AUTH_JWKS_FILE/);
  });
});
