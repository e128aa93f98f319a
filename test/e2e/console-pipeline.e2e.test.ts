import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { transitionWorkflowId } from '@ct/temporal';
import { authHeaders } from '../support/auth';
import { postHl7 } from '../support/gateway';
import { startBrowserSystem, hl7Time, type BrowserSystem } from '../support/browser-system';
import { outputOf } from '../support/processes';
import type { RunningSystem } from '../support/system';

/**
 * The whole way to an ops lead's screen: a discharge sent over HL7 to the gateway goes through
 * Kafka, the orchestrator, Temporal and the worker, and shows on the console's breach-risk board;
 * discharged five days ago, its nurse call is already past due, and the workflow records the breach.
 */
describe('console: an HL7 discharge reaches the board and is breached (browser, every app)', () => {
  let running: BrowserSystem;
  let system: RunningSystem;
  let worker: ChildProcess;
  let browser: Browser;
  let facility: string;

  beforeAll(async () => {
    running = await startBrowserSystem();
    ({ system, worker, browser } = running);
    facility = `CP${system.runId}`.toUpperCase();
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('shows the discharge’s nurse call among the breached steps, and its timeline the breach', async () => {
    const discharged = DateTime.now().minus({ days: 5 });
    const message = adtMessage({
      controlId: `CP-${system.runId}`,
      sendingFacility: facility,
      patient: {
        identifiers: [{ id: `CPMRN${system.runId}`, assigningAuthority: facility, typeCode: 'MR' }],
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
    const ack = await postHl7(system.gatewayUrl, message);
    expect(await ack.text()).toContain('MSA|AA');

    const transition = transitionWorkflowId(facility, 'V1');
    const token = (await authHeaders(Role.Ops, 'ops-pipeline-test')).authorization.slice('Bearer '.length);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${system.apiUrl}/console/board?facility=${facility}#token=${token}`);
    // the board refreshes itself every 15 s: the step shows once the worker has opened it
    const breached = page.locator('section.bucket-breached');
    await breached
      .getByRole('link', { name: transition })
      .waitFor({ timeout: 90_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\nworker output:\n${outputOf(worker).slice(-3000)}`);
      });
    await expect(breached.getByText('tcm-contact').count()).resolves.toBeGreaterThan(0);

    await breached.getByRole('link', { name: transition }).first().click();
    await page.waitForURL(/\/console\/transitions\//);
    // the workflow's own breach, not only a due time in the past
    for (let tries = 0; !(await page.getByText('breach.recorded').count()); tries += 1) {
      if (tries > 12) throw new Error('no breach.recorded on the transition page after 60 s');
      await page.waitForTimeout(5_000);
      await page.reload();
    }
    await expect(page.getByText('breach.recorded').first().isVisible()).resolves.toBe(true);
  }, 240_000);
});
