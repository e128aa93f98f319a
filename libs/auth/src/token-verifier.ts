import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthEnv } from '@ct/config';
import { keysFromFile } from './key-file';
import type { Principal } from './roles';

/** Asymmetric only: a shared secret or `none` is never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** The token is not good (401). The reason is safe to show: it never quotes the token. */
export class InvalidTokenError extends Error {}
/** The keys to check tokens with cannot be had just now (503): not the caller's fault. */
export class KeysUnavailableError extends Error {}

export class TokenVerifier {
  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly env: AuthEnv,
  ) {}

  /** `keyFileCooldownMs`: how often an unknown key id may make us re-read AUTH_JWKS_FILE. */
  static fromEnv(env: AuthEnv, options: { keyFileCooldownMs?: number } = {}): TokenVerifier {
    if (env.AUTH_JWKS_URL) return new TokenVerifier(createRemoteJWKSet(new URL(env.AUTH_JWKS_URL)), env);
    return new TokenVerifier(keysFromFile(env.AUTH_JWKS_FILE!, options.keyFileCooldownMs), env);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.env.AUTH_ISSUER,
        audience: this.env.AUTH_AUDIENCE,
        algorithms: ALGORITHMS,
        clockTolerance: this.env.AUTH_CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw toVerifyError(error);
    }
    return {
      subject: payload.sub!,
      roles: listAt(payload, this.env.AUTH_ROLES_CLAIM),
      facilities: listAt(payload, this.env.AUTH_FACILITIES_CLAIM),
      teams: listAt(payload, this.env.AUTH_TEAMS_CLAIM),
    };
  }
}

/** A list claim at a dotted path: an array of strings, or one space-separated string. */
function listAt(payload: JWTPayload, path: string): string[] {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function toVerifyError(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new InvalidTokenError(`the token's "${error.claim}" claim is not accepted here`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new InvalidTokenError('the token signature does not verify');
  if (error instanceof errors.JWKSNoMatchingKey)
    return new InvalidTokenError("no key of the issuer matches the token's key id");
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new InvalidTokenError('the token is signed with an algorithm not accepted here');
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  )
    return new InvalidTokenError('the token is not a well-formed signed JWT');
  return new KeysUnavailableError('the signing keys of the identity provider cannot be fetched now');
}
