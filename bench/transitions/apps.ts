import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * Starts a built app the way production runs it; resolves when its HTTP health answers. Its JSON
 * log goes to `$TMPDIR/<logPrefix>-<app>.log`.
 */
export async function startApp(
  app: string,
  env: Record<string, string>,
  port: number,
  logPrefix = 'bench-transitions',
): Promise<ChildProcess> {
  // BENCH_PROFILE=worker,orchestrator writes a V8 CPU profile of those apps to $TMPDIR/bench-profiles
  const profiled = (process.env.BENCH_PROFILE ?? '').split(',').includes(app);
  const flags = profiled ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'bench-profiles')}`] : [];
  const log = path.join(os.tmpdir(), `${logPrefix}-${app}.log`);
  const child = spawn(process.execPath, [...flags, path.join(root, 'dist/apps', app, 'src/main.js')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    // each app's JSON log goes to a file, for a look after the run
    stdio: ['ignore', openSync(log, 'w'), 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${app} exited with ${child.exitCode} (stderr above, log ${log})`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${app} did not become ready in 60 s`);
}

export async function stopApps(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}
