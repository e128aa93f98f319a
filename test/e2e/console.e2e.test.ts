import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { createDataSource } from '@ct/persistence';
import { authHeaders } from '../support/auth';
import { startApi, type RunningApi } from '../support/api';
import { freePort } from '../support/free-port';
import { postHl7, startGateway } from '../support/gateway';
import { testEnv } from '../support/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TEMPORAL_UI = 'http://127.0.0.1:8233';
/** Where the overview's screenshot goes: the temp dir, or docs/console.png with UPDATE_SCREENSHOT=1. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? join(__dirname, '../../docs/console.png')
  : join(tmpdir(), 'care-transitions-console.png');
/** CONSOLE_SCREENSHOTS=dir: the board, queues and transition pages too, to look at. */
const snap = async (page: Page, name: string) => {
  if (process.env.CONSOLE_SCREENSHOTS)
    await page.screenshot({ path: join(process.env.CONSOLE_SCREENSHOTS, `${name}.png`) });
};

/**
 * The ops console in a real browser (Debian's chromium, driven by playwright-core) against the api
 * and the gateway in this process: read models seeded under a facility of this run's own, a bad
 * HL7 message sent to the gateway so it is quarantined. Needs `npm run build` (the console's files).
 */
describe('ops console (browser, real PostgreSQL, api and gateway in process)', () => {
  let api: RunningApi;
  let gateway: { app: INestApplication; url: string };
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let facility: string;
  let sendingApplication: string;
  let deadLetterId: string;
  const problems: string[] = [];
  const now = Date.now();
  const id = (name: string) => `transition:${facility}:${name}`;

  const seed = async () => {
    const transition = (name: string, status: string) =>
      db.query(
        `INSERT INTO transitions (id, facility, patient_key, pathway, status, discharged_at, created_at, updated_at)
         VALUES ($1, $2, $3, 'tcm-discharge-home', $4, $5, $5, now())`,
        [id(name), facility, `${facility}|MRN-${name}`, status, new Date(now - 3 * DAY)],
      );
    const task = (
      name: string,
      step: string,
      dueAt: Date,
      extra: { breachedAt?: Date; status?: string } = {},
    ) =>
      db.query(
        `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, status, priority,
           episode, breached_at)
         VALUES ($1, $2, 'care-coordinator', 'Call the patient', $3, $4, $5, $6, 'routine', 'ep-1', $7)`,
        [
          id(name),
          step,
          facility,
          `${facility}|MRN-${name}`,
          dueAt,
          extra.status ?? 'open',
          extra.breachedAt ?? null,
        ],
      );
    let seq = 0;
    const entry = (name: string, kind: string, at: Date, step: string | null, detail = {}) =>
      db.query(
        `INSERT INTO transition_timeline (transition_id, kind, step_key, occurred_at, detail, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id(name), kind, step, at, JSON.stringify(detail), `${id(name)}|ep-1|${kind}|${(seq += 1)}`],
      );
    await transition('T1', 'active');
    await transition('T2', 'active');
    await transition('T3', 'completed');
    await task('T1', 'tcm-contact', new Date(now - 2 * HOUR), { breachedAt: new Date(now - 2 * HOUR) });
    await task('T1', 'tcm-visit', new Date(now + 5 * DAY));
    await task('T2', 'tcm-contact', new Date(now + 2 * HOUR));
    await task('T3', 'tcm-contact', new Date(now - 2 * DAY), { status: 'completed' });
    await entry('T1', 'transition.active', new Date(now - 3 * DAY), null);
    await entry('T1', 'step.opened', new Date(now - 3 * DAY), 'tcm-contact', { role: 'care-coordinator' });
    await entry('T1', 'breach.recorded', new Date(now - 2 * HOUR), 'tcm-contact', { breached: true });
    await entry('T2', 'breach.recorded', new Date(now - 2 * DAY), 'tcm-visit', { breached: true });
    for (const days of [1, 2, 2, 4, 6])
      await entry('T3', 'step.completed', new Date(now - days * DAY), 'tcm-contact');
    const [letter] = await db.query<{ id: string }[]>(
      `INSERT INTO dead_letters (stage, code, reason, topic, source_ref, key)
       VALUES ('worker', 'BAD_DATA', 'console test: a transition bad data ended', 'temporal', $1, $2) RETURNING id`,
      [`console-test/${api.runId}`, id('T9')],
    );
    deadLetterId = letter.id;
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: run bash scripts/chromium.sh`);
    // the page (the api's origin) calls the gateway: the gateway must know that origin before it starts
    const apiPort = await freePort();
    gateway = await startGateway({
      CONSOLE_ORIGINS: `http://127.0.0.1:${apiPort}`,
      TEMPORAL_ADDRESS: '127.0.0.1:1', // the gateway never uses Temporal
    });
    api = await startApi({
      port: apiPort,
      env: { CONSOLE_GATEWAY_URL: gateway.url, CONSOLE_TEMPORAL_UI_URL: TEMPORAL_UI },
    });
    facility = `CON${api.runId}`.toUpperCase();
    sendingApplication = `CONAPP${api.runId}`.toUpperCase();
    db = createDataSource(testEnv.databaseUrl, 'console-test');
    await db.initialize();
    await seed();

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // a refused replay answers 422 on purpose; any other error answer or console error is a fault
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      const expected = response.status() === 422 && response.url().includes('/quarantine/');
      if (response.status() >= 400 && !expected) problems.push(`${response.status()} ${response.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (db?.isInitialized) {
      await db.query(`DELETE FROM tasks WHERE facility = $1`, [facility]);
      await db.query(`DELETE FROM transition_timeline WHERE transition_id LIKE $1`, [
        `transition:${facility}:%`,
      ]);
      await db.query(`DELETE FROM transitions WHERE facility = $1`, [facility]);
      await db.query(`DELETE FROM dead_letter_actions WHERE dead_letter_id = $1`, [deadLetterId]);
      await db.query(`DELETE FROM dead_letters WHERE id = $1`, [deadLetterId]);
      await db.query(`DELETE FROM inbound_messages WHERE sender LIKE $1`, [`${sendingApplication}|%`]);
      await db.destroy();
    }
    await api?.stop();
    await gateway?.app.close();
  });

  it('serves the console and its settings without a token, with a strict content security policy', async () => {
    const html = await fetch(`${api.url}/console/board`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain(`connect-src 'self' ${gateway.url}`);
    expect(await html.text()).toContain('<div id="root">');
    const config = (await (await fetch(`${api.url}/api/v1/console/config`)).json()) as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({
      oidc: { clientId: 'ops-console', redirectUri: null, scope: 'openid' },
      temporalUiUrl: TEMPORAL_UI,
      gatewayUrl: gateway.url,
      devTokens: true,
    });
  });

  it('shows the step on the breach-risk board, filters it and opens the transition', async () => {
    const token = (await authHeaders(Role.Ops, 'ops-console-test')).authorization.slice('Bearer '.length);
    await page.goto(`${api.url}/console/board?facility=${facility}#token=${token}`);
    const breached = page.locator('section.bucket-breached');
    await breached.getByRole('link', { name: id('T1') }).waitFor();
    await expect(breached.getByText('tcm-contact').count()).resolves.toBe(1);
    await page
      .locator('section.bucket-dueWithin4h')
      .getByRole('link', { name: id('T2') })
      .waitFor();
    expect(page.url()).not.toContain('token='); // the development token leaves the address bar
    await expect(page.getByText('DEVELOPMENT TOKEN').isVisible()).resolves.toBe(true);

    await page.getByLabel('Step').fill('tcm-visit');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/stepKey=tcm-visit/);
    await page
      .locator('section.bucket-later')
      .getByRole('link', { name: id('T1') })
      .waitFor();
    await breached.getByRole('link', { name: id('T1') }).waitFor({ state: 'detached' });
    await snap(page, 'board');

    await page
      .locator('section.bucket-later')
      .getByRole('link', { name: id('T1') })
      .click();
    await page.waitForURL(/\/console\/transitions\//);
    await page.getByText('breach.recorded').waitFor();
    const temporal = page.getByRole('link', { name: /Open the workflow in Temporal UI/ });
    await expect(temporal.getAttribute('href')).resolves.toBe(
      `${TEMPORAL_UI}/namespaces/${testEnv.temporalNamespace}/workflows/${encodeURIComponent(id('T1'))}`,
    );
    expect(await page.content()).not.toContain('MRN-'); // no patient key, let alone a name
    await snap(page, 'transition');
  });

  it('replays a quarantined message at the gateway and discards a dead letter with a reason', async () => {
    const controlId = `${api.runId}-BAD`;
    const bad = adtMessage({ controlId, sendingApplication, trigger: 'A31', structure: 'ADT_A05' });
    expect((await postHl7(gateway.url, bad)).status).toBe(422);

    await page.getByRole('link', { name: 'Quarantine & dead letters' }).click();
    await page.getByRole('button', { name: `Replay message ${controlId}` }).click();
    await page.getByRole('status').getByText(`Message ${controlId}`).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('rejected again');

    // oldest first, 25 at a time: other runs' open dead letters may come before this one
    const discard = page.getByRole('button', { name: `Discard dead letter ${deadLetterId}` });
    await page.getByRole('heading', { name: /Dead letters \(open\) — \d+/ }).waitFor();
    for (let more = 0; more < 20 && !(await discard.isVisible()); more += 1)
      await page.getByRole('button', { name: /more \(oldest/ }).click();
    await discard.click();
    await page.getByLabel('Why discard?').fill('console e2e: sender will resend');
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    await page.getByRole('status').getByText(`Dead letter ${deadLetterId}: discarded.`).waitFor();
    await snap(page, 'queues');
    await page.getByRole('heading', { name: /Dead letters/ }).scrollIntoViewIfNeeded();
    await snap(page, 'dead-letters');
    const [row] = await db.query<{ status: string; resolved_by: string; resolution: string }[]>(
      `SELECT status, resolved_by, resolution FROM dead_letters WHERE id = $1`,
      [deadLetterId],
    );
    expect(row).toEqual({
      status: 'discarded',
      resolved_by: 'ops-console-test',
      resolution: 'console e2e: sender will resend',
    });
  });

  it('shows the tiles, the 14-day chart, feed health and the pipeline (screenshot: docs/console.png)', async () => {
    await page.goto(`${api.url}/console/?facility=${facility}`);
    const tiles = page.locator('.tile-group', { has: page.getByRole('heading', { name: facility }) });
    await tiles.waitFor();
    await expect(
      tiles.locator('.tile', { hasText: 'Breached' }).locator('.tile-value').textContent(),
    ).resolves.toBe('1');
    await expect(
      tiles.locator('.tile', { hasText: 'Open' }).locator('.tile-value').textContent(),
    ).resolves.toBe('3');
    await page.getByRole('img', { name: /Breaches and completed steps per day/ }).waitFor();
    await page.locator('section[aria-labelledby="feed-health-heading"] .updated').waitFor();
    await page.locator('section[aria-labelledby="pipeline-heading"] table').waitFor();
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // the shared test database holds other runs' senders: the worst 8 first, the rest on request
    const more = page.getByRole('button', { name: /Show all \d+ senders/ });
    if (await more.isVisible()) await more.click();
    await page
      .getByRole('cell', { name: `${sendingApplication}|`, exact: false })
      .first()
      .waitFor();

    // the keyboard reaches the navigation, and focus is visible there
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
    expect(problems).toEqual([]);
  });
});
