import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@ct/auth';
import { LocalIssuer } from '@ct/auth/testing';

let issuer: Promise<LocalIssuer> | undefined;

/** One throwaway token issuer per test process; the apps under test trust it through AUTH_*. */
export function testIssuer(): Promise<LocalIssuer> {
  if (!issuer) {
    const dir = mkdtempSync(join(tmpdir(), 'ct-test-issuer-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    issuer = LocalIssuer.open(dir);
  }
  return issuer;
}

/** `{ authorization: 'Bearer …' }` for a caller with ROLE (subject: `test-<role>` unless given). */
export async function authHeaders(role: Role, subject = `test-${role}`): Promise<{ authorization: string }> {
  return (await testIssuer()).headers([role], subject);
}

/** Headers for a caller with these token roles (pathway roles, supervisor roles) and facilities. */
export async function callerHeaders(
  subject: string,
  roles: readonly string[],
  facilities?: readonly string[],
): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await (await testIssuer()).token({ subject, roles, facilities })}` };
}
