// DEV ONLY: the OpenID Connect provider of `npm start` (scripts/start.sh starts it). Personas
// instead of passwords (scripts/dev-oidc/personas.ts); never run it where a hospital's people sign in.
//   DEV_OIDC_DIR            state dir: signing key and secrets (kept across restarts), provider.json
//   DEV_OIDC_PORT           3900; the issuer is http://127.0.0.1:PORT unless DEV_OIDC_ISSUER says
//   DEV_OIDC_AUDIENCE       the access tokens' aud, the apps' AUTH_AUDIENCE (care-transitions)
//   DEV_OIDC_RESOURCE       the api's resource indicator (urn:care-transitions:api)
//   DEV_OIDC_REDIRECT_URIS  the ops console's redirect URIs, comma-separated
import { CONSOLE_CLIENT_ID, FEED_CLIENT_ID } from './dev-oidc/personas';
import { createDevProvider } from './dev-oidc/provider';
import { openSecrets, writeInfo } from './dev-oidc/state';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function main(): Promise<void> {
  const dir = process.env.DEV_OIDC_DIR;
  if (!dir) throw new Error('DEV_OIDC_DIR is not set (npm start sets it under the infra state dir)');
  const port = Number(process.env.DEV_OIDC_PORT ?? 3900);
  const issuer = process.env.DEV_OIDC_ISSUER ?? `http://127.0.0.1:${port}`;
  if (!LOOPBACK.has(new URL(issuer).hostname))
    throw new Error(`DEV_OIDC_ISSUER ${issuer}: the development provider serves loopback only`);
  const audience = process.env.DEV_OIDC_AUDIENCE ?? 'care-transitions';
  const redirectUris = (process.env.DEV_OIDC_REDIRECT_URIS ?? 'http://127.0.0.1:3000/console/callback')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  const secrets = await openSecrets(dir);
  const provider = createDevProvider({
    issuer,
    audience,
    resource: process.env.DEV_OIDC_RESOURCE ?? 'urn:care-transitions:api',
    redirectUris,
    secrets,
  });
  provider.on('server_error', (_ctx, error) => console.error('dev-oidc: server error:', error));

  const server = provider.listen(port, new URL(issuer).hostname.replace(/^\[|\]$/g, ''));
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  await writeInfo(dir, {
    issuer,
    audience,
    consoleClientId: CONSOLE_CLIENT_ID,
    consoleRedirectUri: redirectUris[0],
    feedClientId: FEED_CLIENT_ID,
    feedSecret: secrets.feedSecret,
  });
  console.log(
    `dev-oidc: DEV ONLY OpenID Connect provider at ${issuer} (${issuer}/.well-known/openid-configuration)`,
  );
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('dev-oidc:', error instanceof Error ? error.message : error);
  process.exit(1);
});
