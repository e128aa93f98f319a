import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// infra/lib.sh's wait_healthy, run by bash in a throwaway cache dir (no real server is touched).
// A server's pid file is written right after fork, before the child has exec'd the server: its
// command line is then still the caller's. That must read as "starting", not "exited".
const lib = resolve(__dirname, '../../infra/lib.sh');

function runInfra(script: string) {
  const cache = mkdtempSync(join(tmpdir(), 'ct-infra-'));
  try {
    const result = spawnSync('bash', ['-c', `set -euo pipefail; source "${lib}"; ${script}`], {
      env: { PATH: process.env.PATH, HOME: cache, CT_CACHE_DIR: cache },
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { status: result.status, stderr: result.stderr };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

describe('infra wait_healthy', () => {
  it('keeps waiting for a live process whose command line does not name the state dir yet', () => {
    const { status, stderr } = runInfra(`
      sleep 5 & echo $! >"$CT_RUN_DIR/probe.pid"
      ready_at=$((SECONDS + 1)); ready() { ((SECONDS >= ready_at)); }
      wait_healthy probe 10 ready
      echo "probe healthy" >&2; kill %1`);
    expect(stderr).not.toContain('exited during startup');
    expect(stderr).toContain('probe healthy');
    expect(status).toBe(0);
  });

  it('fails at once, with the last log lines, when the process exits during startup', () => {
    const { status, stderr } = runInfra(`
      daemon probe bash -c 'echo "bind: address already in use"; exit 3'
      never() { false; }
      wait_healthy probe 30 never`);
    expect(status).toBe(1);
    expect(stderr).toContain('probe: process exited during startup');
    expect(stderr).toContain('bind: address already in use');
    expect(stderr).not.toContain('not healthy after');
  });
});
