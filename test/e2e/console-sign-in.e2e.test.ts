import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startApi, type RunningApi } from '../support/api';
import { freePort } from '../support/free-port';
import { eventually, exited } from '../support/processes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const provider = resolve(__dirname, '../../dist/scripts/dev-oidc.js');

/**
 * The way an ops lead starts the day: open the console, get sent to the hospital's OpenID provider
 * (here the DEV ONLY one of `npm start`, as its own process), pick a persona, allow, and land back
 * on the console signed in, its API calls carrying the access token the provider issued (code +
 * PKCE in the browser, verified by the api against the provider's JWKS).
 */
describe('ops console sign-in (browser, the development OpenID provider, api in process)', () => {
  let dir: string;
  let oidc: ChildProcess;
  let output = '';
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-console-oidc-'));
    const [oidcPort, apiPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${oidcPort}`;
    oidc = spawn(process.execPath, [provider], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DEV_OIDC_DIR: dir,
        DEV_OIDC_PORT: String(oidcPort),
        DEV_OIDC_REDIRECT_URIS: `http://127.0.0.1:${apiPort}/console/callback`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    oidc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    oidc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => {
      if (oidc.exitCode !== null) throw new Error(`dev-oidc exited: ${output}`);
      return (await fetch(`${issuer}/.well-known/openid-configuration`)).ok ? true : undefined;
    }, 'the provider');
    api = await startApi({
      port: apiPort,
      env: {
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: 'care-transitions',
        AUTH_JWKS_URL: `${issuer}/jwks`,
        AUTH_JWKS_FILE: '',
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    if (oidc && oidc.exitCode === null) {
      oidc.kill('SIGTERM');
      await exited(oidc);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in as ops-1 through the provider and shows the overview with data from the api', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    const summary = page.waitForResponse((r) => r.url().includes('/api/v1/ops/summary') && r.ok(), {
      timeout: 60_000,
    });
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/') && [401, 403].includes(response.status()))
        refused.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${api.url}/console/`);
    await page.getByRole('button', { name: /sign in/i }).click(); // the console, not signed in yet
    await page.getByRole('button', { name: /ops-1/ }).click(); // the provider's persona page
    await page.getByRole('button', { name: /allow/i }).click(); // its consent page
    await page.waitForURL(`${api.url}/console/**`);
    await page.getByText('Steps not yet done, by facility').waitFor();
    await page.getByRole('button', { name: /sign out/i }).waitFor();
    expect(await page.getByText('ops-1').count()).toBeGreaterThan(0);
    // the api took the provider's token: the summary answered 200, and no call was refused
    expect((await summary).status()).toBe(200);
    expect(refused).toEqual([]);
  });
});
