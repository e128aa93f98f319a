import { createServer } from 'node:net';

/**
 * A bench's command line: `--name` flags and `--name=N` whole numbers; anything else prints the
 * usage and exits 2. `allowed` matches each argument the bench takes.
 */
export function benchArgs(usage: string, allowed: RegExp) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !allowed.test(a));
  if (unknown.length) {
    console.error(`unknown arguments: ${unknown.join(' ')}`);
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return {
    flag: (name: string) => args.includes(`--${name}`),
    option: (name: string, fallback: number): number => {
      const arg = args.find((a) => a.startsWith(`--${name}=`));
      const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
      if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
      return value;
    },
  };
}

/** A port nothing listens on just now (for an app the bench starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Milliseconds as the benches print them: whole from 100 up, else one decimal. */
export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
