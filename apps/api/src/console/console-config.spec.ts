import { apiEnvSchema, validateEnv } from '@ct/config';
import { consoleConfig, consoleSecurityHeaders } from './console-config';

const env = (extra: Record<string, string> = {}) =>
  validateEnv(apiEnvSchema, {
    DATABASE_URL: 'postgres://care:care@127.0.0.1:5432/care_transitions',
    AUTH_ISSUER: 'https://idp.example.org/realms/hospital',
    AUTH_AUDIENCE: 'care-transitions',
    AUTH_JWKS_URL: 'https://idp.example.org/realms/hospital/protocol/openid-connect/certs',
    ...extra,
  });

describe('console settings', () => {
  it('signs in against AUTH_ISSUER as the public client, with development tokens outside production', () => {
    expect(consoleConfig(env())).toEqual({
      oidc: {
        authority: 'https://idp.example.org/realms/hospital',
        clientId: 'ops-console',
        redirectUri: null,
        scope: 'openid',
      },
      temporalUiUrl: 'http://127.0.0.1:8233',
      temporalNamespace: 'default',
      gatewayUrl: 'http://127.0.0.1:3001',
      devTokens: true,
      refreshSeconds: 15,
    });
    expect(consoleConfig(env({ NODE_ENV: 'production' })).devTokens).toBe(false);
    const browserFacing = env({ CONSOLE_OIDC_AUTHORITY: 'https://login.example.org/realms/hospital' });
    expect(consoleConfig(browserFacing).oidc.authority).toBe('https://login.example.org/realms/hospital');
  });

  it('lets the page call only the api, the gateway and the OpenID provider', () => {
    const headers = consoleSecurityHeaders(
      consoleConfig(env({ CONSOLE_GATEWAY_URL: 'https://gw.example.org/x' })),
    );
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'self'; connect-src 'self' https://gw.example.org https://idp.example.org; " +
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
