import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalIssuer } from '@ct/auth/testing';

/**
 * A throwaway local token issuer (as the tests use), with its key in a directory of its own that
 * `remove()` deletes: the apps trust it through `issuer.env` (AUTH_*), as they trust a provider.
 */
export async function openBenchIssuer(): Promise<{ issuer: LocalIssuer; remove: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-issuer-'));
  return { issuer: await LocalIssuer.open(dir), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
