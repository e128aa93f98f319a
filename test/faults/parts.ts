import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const APPS = ['adt-gateway', 'orchestrator', 'worker', 'api'] as const;
export const SERVERS = ['kafka', 'temporal', 'postgres'] as const;
export type AppName = (typeof APPS)[number];

/**
 * The four apps as child processes from dist/, each on fixed ports so a restarted one is found
 * where it was. Like a supervisor, it starts again an app that exits by itself (and counts it).
 */
export class Apps {
  private readonly children = new Map<AppName, ChildProcess>();
  private readonly killing = new Set<AppName>();
  private stopping = false;
  /** Exits we did not cause, by app. */
  readonly selfExits = new Map<AppName, number>();

  constructor(
    private readonly env: Record<string, string>,
    private readonly ports: Record<AppName, number>,
    private readonly logDir: string,
  ) {}

  async start(app: AppName): Promise<void> {
    const entry = path.join(root, 'dist/apps', app, 'src/main.js');
    const log = openSync(path.join(this.logDir, `${app}.log`), 'a');
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.ports[app]) },
      stdio: ['ignore', log, log],
    });
    this.children.set(app, child);
    child.once('exit', (code, signal) => {
      if (this.stopping || this.killing.has(app) || this.children.get(app) !== child) return;
      this.selfExits.set(app, (this.selfExits.get(app) ?? 0) + 1);
      console.log(`faults: ${app} exited by itself (${signal ?? code}); starting it again`);
      void sleep(1000)
        .then(() => this.start(app))
        .catch((error: Error) => console.log(`faults: ${app} did not come back: ${error.message}`));
    });
    await this.ready(app);
  }

  /** SIGKILL, a short pause, start again; resolves when it is ready. */
  async crash(app: AppName, downMs: number): Promise<void> {
    const child = this.children.get(app)!;
    this.killing.add(app);
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    this.killing.delete(app);
    await sleep(downMs);
    await this.start(app);
  }

  async ready(app: AppName, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(`http://127.0.0.1:${this.ports[app]}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(250);
    }
    throw new Error(`${app} not ready within ${timeoutMs} ms; log: ${path.join(this.logDir, `${app}.log`)}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** infra/crash.sh (SIGKILL of the real server process), a short pause, infra/up.sh again. */
export async function crashServer(server: (typeof SERVERS)[number], downMs: number): Promise<void> {
  await run('bash', [path.join(root, 'infra/crash.sh'), server], { cwd: root });
  await sleep(downMs);
  await run('bash', [path.join(root, 'infra/up.sh'), server], { cwd: root });
}
