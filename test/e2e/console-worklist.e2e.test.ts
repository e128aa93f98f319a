import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { testIssuer } from '../support/auth';
import { postHl7 } from '../support/gateway';
import { startBrowserSystem, hl7Time, type BrowserSystem } from '../support/browser-system';
import { outputOf } from '../support/processes';
import type { RunningSystem } from '../support/system';

/** Where the worklist's screenshot goes: the temp dir, or docs/console-worklist.png with UPDATE_SCREENSHOT=1. */
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? join(__dirname, '../../docs/console-worklist.png')
  : join(tmpdir(), 'care-transitions-console-worklist.png');

/**
 * A nurse's day in the console, through every app: a discharge sent over HL7 puts the nurse call in
 * her pool; she opens it and sees whom to call (name, phone), claims it, logs a call that did not
 * reach the patient and leaves a note. A nurse of another facility never sees it.
 */
describe('console: a coordinator works an HL7 discharge from the worklist (browser, every app)', () => {
  let running: BrowserSystem;
  let system: RunningSystem;
  let worker: ChildProcess;
  let browser: Browser;
  let facility: string;

  beforeAll(async () => {
    running = await startBrowserSystem();
    ({ system, worker, browser } = running);
    facility = `CW${system.runId}`.toUpperCase();
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('lists the nurse call in her pool, shows the patient, and takes a claim, an attempt and a note', async () => {
    const discharged = DateTime.now().minus({ hours: 2 });
    const message = adtMessage({
      controlId: `CW-${system.runId}`,
      sendingFacility: facility,
      patient: {
        identifiers: [{ id: `CWMRN${system.runId}`, assigningAuthority: facility, typeCode: 'MR' }],
        name: { family: 'RIVERA', given: 'ANA' },
        phones: [{ number: '(555)010-2030', use: 'PRN' }],
      },
      visit: {
        patientClass: 'I',
        visitNumber: { id: 'V1' },
        location: { facility },
        dischargeDisposition: '01',
        admitAt: hl7Time(discharged.minus({ days: 3 })),
        dischargeAt: hl7Time(discharged),
      },
    });
    expect(await (await postHl7(system.gatewayUrl, message)).text()).toContain('MSA|AA');

    const issuer = await testIssuer();
    const nurse = await issuer.token({
      subject: 'nurse-cw',
      roles: [Role.Coordinator, 'transitional-care-nurse'],
      facilities: [facility],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${system.apiUrl}/console/tasks?view=pool#token=${nurse}`);
    const task = page.getByRole('link', { name: /Interactive contact/ });
    await task.waitFor({ timeout: 90_000 }).catch(async (error: Error) => {
      const text = await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)');
      throw new Error(
        `${error.message}\npage: ${text.slice(0, 2000)}\nerrors: ${problems.join('; ')}\nworker output:\n${outputOf(worker).slice(-2000)}`,
      );
    });
    // the ops pages are not offered to a coordinator
    await expect(page.getByRole('link', { name: 'Breach-risk board' }).count()).resolves.toBe(0);

    await task.click();
    await page.waitForURL(/\/console\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = page.url();
    await page.getByText('ANA RIVERA').waitFor();
    await expect(page.getByRole('link', { name: /\(555\)010-2030/ }).getAttribute('href')).resolves.toBe(
      'tel:5550102030',
    );

    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByText('Claimed: the task is yours.').waitFor();
    await page.getByText('nurse-cw').first().waitFor();

    const attempt = page.getByRole('form', { name: 'Log an attempt' });
    await attempt.getByLabel('Outcome').selectOption('no-answer');
    await attempt.getByLabel('Note').fill('voicemail full');
    await attempt.getByRole('button', { name: 'Log attempt' }).click();
    await page.getByText('Attempt recorded.').waitFor();
    await page.getByText('voicemail full').waitFor();
    await expect(page.getByText('phone, no-answer').count()).resolves.toBe(1);
    // the task itself counts it (no cached copy of the task is shown)
    await page
      .locator('dl.facts div')
      .filter({ hasText: 'Attempts' })
      .getByText('1', { exact: true })
      .waitFor();

    const note = page.getByRole('form', { name: 'Add a note' });
    await note.getByLabel('Note').fill('Daughter is the contact; call after 5 pm.');
    await note.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Daughter is the contact; call after 5 pm.').waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // back on the worklist: the task is now the nurse's own
    await page.goto(`${system.apiUrl}/console/tasks?view=mine`);
    await page.getByRole('link', { name: /Interactive contact/ }).waitFor();

    // a nurse of another facility sees an empty pool and a 404 for the task's page
    const elsewhere = await issuer.token({
      subject: 'nurse-elsewhere',
      roles: [Role.Coordinator, 'transitional-care-nurse'],
      facilities: ['ELSEWHERE'],
    });
    const other = await browser.newPage();
    await other.goto(`${system.apiUrl}/console/tasks?view=all#token=${elsewhere}`);
    await other.getByText('No tasks here.').waitFor();
    await other.goto(taskUrl);
    await other
      .getByText(/No task with id/)
      .first()
      .waitFor();
    await expect(other.getByText('ANA RIVERA').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 240_000);
});
