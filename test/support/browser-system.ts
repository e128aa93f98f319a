import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import { exited, spawnApp } from './processes';
import { startSystem, type RunningSystem } from './system';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** An HL7 timestamp in the facilities' default zone. */
export const hl7Time = (t: DateTime) => t.setZone('America/New_York').toFormat('yyyyLLddHHmmss');

export interface BrowserSystem {
  system: RunningSystem;
  worker: ChildProcess;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Every app (the system's gateway, orchestrator and api, and a worker) and Debian's Chromium, for
 * a browser test that goes from HL7 to the console. `stop()` ends them in reverse order.
 */
export async function startBrowserSystem(): Promise<BrowserSystem> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: run bash scripts/chromium.sh`);
  const system = await startSystem();
  const worker = spawnApp('worker', system.env);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (error) {
    // what started so far stops: a failed start leaves nothing running
    worker.kill('SIGTERM');
    await exited(worker);
    await system.stop();
    throw error;
  }
  return {
    system,
    worker,
    browser,
    stop: async () => {
      await browser.close();
      worker.kill('SIGTERM');
      await exited(worker);
      await system.stop();
    },
  };
}
