import { z } from 'zod';
import type { ApiEnv } from '@ct/config';

/** What the console's browser code needs to sign in and link out; nothing secret (a public client). */
export const consoleConfigSchema = z
  .object({
    oidc: z.object({
      authority: z.string(),
      clientId: z.string(),
      /** null: the console's own origin + /console/callback. */
      redirectUri: z.string().nullable(),
      scope: z.string(),
    }),
    temporalUiUrl: z.string(),
    temporalNamespace: z.string(),
    gatewayUrl: z.string(),
    /** Development only: the console takes a bearer token from `#token=` (never in production). */
    devTokens: z.boolean(),
    refreshSeconds: z.number().int(),
  })
  .meta({ id: 'ConsoleConfig' });
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

export function consoleConfig(env: ApiEnv): ConsoleConfig {
  return {
    oidc: {
      authority: env.CONSOLE_OIDC_AUTHORITY ?? env.AUTH_ISSUER,
      clientId: env.CONSOLE_OIDC_CLIENT_ID,
      redirectUri: env.CONSOLE_OIDC_REDIRECT_URI ?? null,
      scope: env.CONSOLE_OIDC_SCOPE,
    },
    temporalUiUrl: env.CONSOLE_TEMPORAL_UI_URL,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    gatewayUrl: env.CONSOLE_GATEWAY_URL,
    devTokens: env.NODE_ENV !== 'production',
    refreshSeconds: 15,
  };
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Headers of the console's files: scripts and styles from this origin only, calls to this api,
 * the gateway and the OpenID provider; no framing, no referrer (URLs hold transition ids).
 */
export function consoleSecurityHeaders(config: ConsoleConfig): Record<string, string> {
  const connect = ["'self'", originOf(config.gatewayUrl), originOf(config.oidc.authority)].filter(
    (source): source is string => !!source,
  );
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `connect-src ${[...new Set(connect)].join(' ')}`,
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
