import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type KeyLike,
} from 'jose';
import type { Role } from '../roles';

export interface TokenOptions {
  subject?: string;
  /** Known roles, or any other name for a negative test (`string & {}` keeps the known ones suggested). */
  roles?: readonly (Role | (string & {}))[];
  /** A jose time span (`1h`, `12h`) or seconds since the epoch. */
  expiresAt?: string | number;
  issuer?: string;
  audience?: string;
  /** The `facilities` claim; every facility (`*`) unless given. */
  facilities?: readonly string[];
  /** The `teams` claim; none unless given. */
  teams?: readonly string[];
  /** More claims, e.g. roles where another provider puts them. */
  claims?: Record<string, unknown>;
}

/**
 * An identity provider of our own for tests and `npm start` (never production): an ES256 key in
 * DIR, its public half as a JWKS file the apps read through AUTH_JWKS_FILE, and tokens it signs.
 */
export class LocalIssuer {
  static readonly issuer = 'urn:care-transitions:local-issuer';
  static readonly audience = 'care-transitions';

  private constructor(
    private readonly key: KeyLike | Uint8Array,
    private readonly kid: string,
    readonly jwksFile: string,
  ) {}

  /** The issuer whose key is in DIR, made there first if there is none. */
  static async open(dir: string): Promise<LocalIssuer> {
    const keyFile = join(dir, 'signing-key.jwk.json');
    const jwksFile = join(dir, 'jwks.json');
    if (!existsSync(keyFile)) {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      // the key's own thumbprint (RFC 7638): two keys made in the same millisecond still differ
      const exported = await exportJWK(publicKey);
      const kid = `local-${(await calculateJwkThumbprint(exported)).slice(0, 16)}`;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const publicJwk = { ...exported, kid, alg: 'ES256', use: 'sig' };
      await writeFile(jwksFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
      await writeFile(keyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid }), { mode: 0o600 });
      await chmod(keyFile, 0o600);
    }
    const jwk = JSON.parse(await readFile(keyFile, 'utf8')) as JWK & { kid: string };
    return new LocalIssuer(await importJWK(jwk, 'ES256'), jwk.kid, jwksFile);
  }

  /** What the api and the gateway need to accept this issuer's tokens. */
  get env(): Record<'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_FILE', string> {
    return {
      AUTH_ISSUER: LocalIssuer.issuer,
      AUTH_AUDIENCE: LocalIssuer.audience,
      AUTH_JWKS_FILE: this.jwksFile,
    };
  }

  token(options: TokenOptions = {}): Promise<string> {
    const scope = { facilities: options.facilities ?? ['*'], teams: options.teams ?? [] };
    return new SignJWT({ roles: options.roles ?? [], ...scope, ...options.claims })
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: 'JWT' })
      .setSubject(options.subject ?? 'test-user')
      .setIssuer(options.issuer ?? LocalIssuer.issuer)
      .setAudience(options.audience ?? LocalIssuer.audience)
      .setIssuedAt()
      .setExpirationTime(options.expiresAt ?? '1h')
      .sign(this.key);
  }

  /** `{ authorization: 'Bearer …' }` for a caller with these roles. */
  async headers(roles: readonly Role[], subject?: string): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.token({ roles, subject })}` };
  }
}
