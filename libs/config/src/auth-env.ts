import { z } from 'zod';

/** An empty variable (`AUTH_JWKS_FILE=` in a compose file) counts as unset. */
export const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

const claimPath = z.string().regex(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, 'a claim name or a dotted path');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Bearer tokens (JWT) from the hospital's OpenID Connect provider: who may call the HTTP APIs.
 * Keys come from the provider's JWKS endpoint, or from a JWKS file (an offline or dev issuer).
 */
export const authEnvFields = {
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: unsetWhenEmpty(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_JWKS_FILE: unsetWhenEmpty(z.string().min(1).optional()),
  /** Where the token lists its roles: a claim name, or a dotted path (`realm_access.roles`). */
  AUTH_ROLES_CLAIM: claimPath.default('roles'),
  /** Where it lists the facility ids the caller works for (`*`: all); rows of others are 404. */
  AUTH_FACILITIES_CLAIM: claimPath.default('facilities'),
  /** Where it lists the caller's care teams. */
  AUTH_TEAMS_CLAIM: claimPath.default('teams'),
  AUTH_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
};

export type AuthEnv = z.infer<z.ZodObject<typeof authEnvFields>>;

/** One key source, and keys fetched over TLS unless the provider is on this machine. */
export function checkAuthEnv(env: Partial<AuthEnv>, ctx: z.RefinementCtx): void {
  if (!env.AUTH_JWKS_URL === !env.AUTH_JWKS_FILE) {
    const message = 'set one of AUTH_JWKS_URL (the provider) or AUTH_JWKS_FILE (a local key set)';
    ctx.addIssue({ code: 'custom', path: ['AUTH_JWKS_URL'], message });
  }
  if (env.AUTH_JWKS_URL) {
    const url = new URL(env.AUTH_JWKS_URL);
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
      const message = 'keys must be fetched over https (http only on loopback)';
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWKS_URL'], message });
    }
  }
}
