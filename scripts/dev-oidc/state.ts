// DEV ONLY: what the development OpenID Connect provider keeps in its state dir, so a restart
// keeps its signing key (tokens already handed out still verify) and its client secret.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface ProviderSecrets {
  /** Private signing keys (JWKS), the first signs; the provider serves their public halves. */
  jwks: { keys: JWK[] };
  /** Keys the provider signs its cookies with. */
  cookieKeys: string[];
  /** The demo feed's client secret (client credentials). */
  feedSecret: string;
}

/** What a dev tool (`npm run token`, the demo feed) needs to get tokens from the running provider. */
export interface ProviderInfo {
  issuer: string;
  audience: string;
  consoleClientId: string;
  consoleRedirectUri: string;
  feedClientId: string;
  feedSecret: string;
}

const SECRETS = 'secrets.json';
const INFO = 'provider.json';

async function writePrivate(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value, null, 2), { mode: 0o600 });
  await chmod(file, 0o600);
}

/** The secrets in DIR, made there first if there are none. */
export async function openSecrets(dir: string): Promise<ProviderSecrets> {
  const file = join(dir, SECRETS);
  if (!existsSync(file)) {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `dev-oidc-${(await calculateJwkThumbprint(await exportJWK(publicKey))).slice(0, 16)}`;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writePrivate(file, {
      jwks: { keys: [{ ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' }] },
      cookieKeys: [randomBytes(32).toString('base64url')],
      feedSecret: randomBytes(32).toString('base64url'),
    } satisfies ProviderSecrets);
  }
  return JSON.parse(await readFile(file, 'utf8')) as ProviderSecrets;
}

export function writeInfo(dir: string, info: ProviderInfo): Promise<void> {
  return writePrivate(join(dir, INFO), info);
}

export async function readInfo(dir: string): Promise<ProviderInfo> {
  const file = join(dir, INFO);
  if (!existsSync(file))
    throw new Error(`${file} is missing: is the dev OpenID Connect provider running (npm start)?`);
  return JSON.parse(await readFile(file, 'utf8')) as ProviderInfo;
}
