import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** Starts a built app (`npm run build` first) as a child process, the way production runs it. */
export function spawnApp(app: string, env: Record<string, string>): ChildProcess {
  const entry = path.join(root, 'dist/apps', app, 'src/main.js');
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: run "npm run build" before the integration tests`);
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  (child as ChildProcess & { output: string[] }).output = output;
  return child;
}

export function outputOf(child: ChildProcess): string {
  return ((child as ChildProcess & { output?: string[] }).output ?? []).join('');
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Polls until `probe` returns a value that is not undefined, or fails with what it last saw. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `timed out waiting for ${what}${last ? `: ${last instanceof Error ? String(last) : JSON.stringify(last)}` : ''}`,
  );
}
