import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TokenVerifier } from '@ct/auth';
import { apiEnvSchema, validateEnv } from '@ct/config';
import { freePort } from '../support/free-port';
import { eventually, exited } from '../support/processes';

// The DEV ONLY OpenID Connect provider of `npm start` (scripts/dev-oidc.ts), built and run as its
// own process (oidc-provider is ESM; Node loads it there, not in jest's module system). A browser's
// part is played with fetch: cookies kept, every redirect followed by hand, the persona page posted.
const entry = resolve(__dirname, '../../dist/scripts/dev-oidc.js');
const redirectUri = 'http://127.0.0.1:3000/console/callback';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
  grant_types_supported: string[];
}

describe('the development OpenID Connect provider', () => {
  let dir: string;
  let port: number;
  let issuer: string;
  let child: ChildProcess;
  let output = '';
  let discovery: Discovery;

  async function start(): Promise<void> {
    child = spawn(process.execPath, [entry], {
      env: { ...process.env, NODE_ENV: 'development', DEV_OIDC_DIR: dir, DEV_OIDC_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    discovery = await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`dev-oidc exited: ${output}`);
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      return response.ok ? ((await response.json()) as Discovery) : undefined;
    }, `the provider's discovery document (${output})`);
  }

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
  }

  /** The api's own reading of AUTH_* (defaults included), with the provider's JWKS endpoint. */
  const verifier = () =>
    TokenVerifier.fromEnv(
      validateEnv(apiEnvSchema, {
        DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: 'care-transitions',
        AUTH_JWKS_URL: discovery.jwks_uri,
      }),
    );

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    dir = mkdtempSync(join(tmpdir(), 'ct-dev-oidc-'));
    port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    await start();
  });

  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A browser: its cookies, and one request at a time with no redirect followed. */
  function browser() {
    const cookies = new Map<string, string>();
    return async (url: string, form?: Record<string, string>) => {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form) : undefined,
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      const location = response.headers.get('location');
      return { response, location: location ? new URL(location, url).href : undefined };
    };
  }

  function authorizeUrl(params: Record<string, string>): string {
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: 'ops-console',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid profile api',
      state: 'st-1',
      ...params,
    }).toString();
    return url.href;
  }

  /** Signs PERSONA in through the persona and consent pages; the code the console gets back. */
  async function signIn(persona: string, challenge: string): Promise<string> {
    const go = browser();
    const authorize = await go(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }));
    expect(authorize.response.status).toBe(303);
    const login = authorize.location!;
    expect(new URL(login).pathname).toMatch(/^\/interaction\/[\w-]+$/);

    const loginPage = await go(login);
    expect(loginPage.response.status).toBe(200);
    const html = await loginPage.response.text();
    expect(html).toContain('DEV ONLY');
    for (const id of ['ops-1', 'nurse-1', 'supervisor-1']) expect(html).toContain(`value="${id}"`);

    const signedIn = await go(`${login}/login`, { persona });
    expect(signedIn.response.status).toBe(303);
    const consent = (await go(signedIn.location!)).location!;
    expect(new URL(consent).pathname).toMatch(/^\/interaction\/[\w-]+$/);
    const consentHtml = await (await go(consent)).response.text();
    expect(consentHtml).toContain('Allow');
    expect(consentHtml).toContain('<code>api</code>');

    const allowed = await go(`${consent}/confirm`, {});
    expect(allowed.response.status).toBe(303);
    const back = (await go(allowed.location!)).location!;
    expect(back.startsWith(`${redirectUri}?`)).toBe(true);
    const query = new URL(back).searchParams;
    expect(query.get('state')).toBe('st-1');
    expect(query.get('iss')).toBe(issuer);
    return query.get('code')!;
  }

  async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  }

  const pkce = () => {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  };

  it('publishes discovery and keys: code flow with S256 only, client credentials', async () => {
    expect(discovery.issuer).toBe(issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials']),
    );
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  let nurseToken: string;

  it('signs a persona in with code + PKCE; the api accepts the access token with its roles', async () => {
    const { verifier: codeVerifier, challenge } = pkce();
    const code = await signIn('nurse-1', challenge);
    const exchange = {
      grant_type: 'authorization_code',
      client_id: 'ops-console',
      redirect_uri: redirectUri,
      code,
    };

    const wrong = await token({ ...exchange, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const none = await token(exchange);
    expect(none.status).toBe(400);

    const good = await token({ ...exchange, code_verifier: codeVerifier });
    expect(good.status).toBe(200);
    expect(good.body.token_type).toBe('Bearer');
    nurseToken = good.body.access_token;
    await expect(verifier().verify(nurseToken)).resolves.toEqual({
      subject: 'nurse-1',
      roles: ['care-coordinator', 'transitional-care-nurse'],
      facilities: ['RIVERSIDE'],
      teams: ['riverside-tcm'],
    });
    const claims = JSON.parse(Buffer.from(nurseToken.split('.')[1], 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ iss: issuer, aud: 'care-transitions', facilities: ['RIVERSIDE'] });

    // a code is good once
    expect((await token({ ...exchange, code_verifier: codeVerifier })).status).toBe(400);
  });

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    const plain = { code_challenge: pkce().verifier, code_challenge_method: 'plain' };
    for (const params of [{}, plain] as Record<string, string>[]) {
      const { response, location } = await browser()(authorizeUrl(params));
      expect(response.status).toBe(303);
      const query = new URL(location!).searchParams;
      expect(location!.startsWith(redirectUri)).toBe(true);
      expect(query.get('error')).toBe('invalid_request');
      expect(query.get('code')).toBeNull();
    }
  });

  it('gives the demo feed a token with role adt-feed by client credentials, and only with its secret', async () => {
    const { feedSecret } = JSON.parse(readFileSync(join(dir, 'provider.json'), 'utf8')) as {
      feedSecret: string;
    };
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`demo-feed:${secret}`).toString('base64')}`,
    });
    const refused = await token({ grant_type: 'client_credentials' }, basic('guess'));
    expect(refused.status).toBe(401);
    const granted = await token({ grant_type: 'client_credentials' }, basic(feedSecret));
    expect(granted.status).toBe(200);
    await expect(verifier().verify(granted.body.access_token)).resolves.toEqual({
      subject: 'demo-feed',
      roles: ['adt-feed'],
      facilities: [],
      teams: [],
    });
  });

  it('keeps its signing key across a restart: a token from before still verifies', async () => {
    const before = await (await fetch(discovery.jwks_uri)).json();
    await stop();
    await start();
    expect(await (await fetch(discovery.jwks_uri)).json()).toEqual(before);
    await expect(verifier().verify(nurseToken)).resolves.toMatchObject({ subject: 'nurse-1' });
  });
});
