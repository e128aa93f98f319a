// Tokens for `npm start` (never production), from its development OpenID Connect provider
// (scripts/dev-oidc.ts), whose state is in DEV_OIDC_DIR. It must be running.
// Usage: node dist/scripts/dev-token.js ROLE [SUBJECT]   prints an access token (1 hour):
//          adt-feed: the demo-feed client's (client credentials, subject demo-feed);
//          any other role: a persona's with that role (SUBJECT, or the first that has it), signed
//          in through the persona page with PKCE. A persona id alone works too: dev-token.js nurse-1
//        node dist/scripts/dev-token.js --env            prints the AUTH_* settings that trust it
import { Role } from '@ct/auth';
import { personaById, personas } from './dev-oidc/personas';
import { feedToken, personaToken } from './dev-oidc/sign-in';
import { readInfo } from './dev-oidc/state';

const roles: string[] = Object.values(Role);

async function main(): Promise<void> {
  const dir = process.env.DEV_OIDC_DIR;
  if (!dir) throw new Error('DEV_OIDC_DIR is not set (npm run token sets it under the infra state dir)');
  const info = await readInfo(dir);
  const [first, subject] = process.argv.slice(2);
  if (first === '--env') {
    const env = {
      AUTH_ISSUER: info.issuer,
      AUTH_AUDIENCE: info.audience,
      AUTH_JWKS_URL: `${info.issuer}/jwks`,
    };
    for (const [name, value] of Object.entries(env)) console.log(`export ${name}='${value}'`);
    return;
  }
  if (first === Role.Feed) {
    if (subject && subject !== info.feedClientId)
      throw new Error(`adt-feed tokens are the ${info.feedClientId} client's`);
    console.log(await feedToken(info));
    return;
  }
  const persona = personaById(first ?? '') ?? pick(first, subject);
  console.log(await personaToken(info, persona.id));
}

function pick(role: string | undefined, subject: string | undefined) {
  const known = personas.map((p) => `${p.id} (${p.roles.join(', ')})`).join(', ');
  if (!role || !roles.includes(role))
    throw new Error(`give a role (${roles.join(', ')}) or a persona: ${known}`);
  const persona = subject ? personaById(subject) : personas.find((p) => p.roles.includes(role));
  if (!persona || !persona.roles.includes(role))
    throw new Error(`no persona ${subject ?? ''} with role ${role}; the personas: ${known}`);
  return persona;
}

main().catch((error: unknown) => {
  console.error('dev-token:', error instanceof Error ? error.message : error);
  process.exit(1);
});
