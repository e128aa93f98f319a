// Tokens for `npm start` (never production): the local issuer whose key lives in DEV_ISSUER_DIR.
// Usage: node dist/scripts/dev-token.js ROLE [SUBJECT]   prints a 12-hour bearer token
//        node dist/scripts/dev-token.js --env            prints the AUTH_* settings that trust it
import { Role } from '@ct/auth';
import { openDevIssuer } from './dev-issuer';

const roles: string[] = Object.values(Role);

async function main(): Promise<void> {
  const issuer = await openDevIssuer();
  const [role, subject] = process.argv.slice(2);
  if (role === '--env') {
    for (const [name, value] of Object.entries(issuer.env)) console.log(`export ${name}='${value}'`);
    return;
  }
  if (!role || !roles.includes(role)) throw new Error(`give a role: ${roles.join(', ')}`);
  console.log(await issuer.token({ roles: [role], subject: subject ?? `dev-${role}`, expiresAt: '12h' }));
}

main().catch((error: unknown) => {
  console.error('dev-token:', error instanceof Error ? error.message : error);
  process.exit(1);
});
