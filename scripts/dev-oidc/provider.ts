// DEV ONLY: an OpenID Connect provider (panva's oidc-provider) for `npm start` and the tests, with
// the personas of ./personas.ts and a sign-in page where one picks a persona, no password.
//
// oidc-provider is ESM only; this build is CommonJS. The `import` below compiles to `require()`,
// which Node (>= 22.12, the project runs on 24: package.json engines) loads as ESM natively
// (require(esm)): no dynamic import() wrapper, and its types come from @types/oidc-provider.
import type { IncomingMessage } from 'node:http';
import { authEnvFields } from '@ct/config';
import { errors, Provider, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { CONSOLE_CLIENT_ID, FEED_CLIENT_ID, machineClientRoles, personaById } from './personas';
import { consentPage, escapeHtml, loginPage } from './pages';
import type { ProviderSecrets } from './state';

/** The api's scope at the resource server (the access token lists it when it was asked for). */
export const API_SCOPE = 'api';

export interface DevProviderOptions {
  /** The provider's URL, also the tokens' `iss` (the apps' AUTH_ISSUER). */
  issuer: string;
  /** The access tokens' `aud` (the apps' AUTH_AUDIENCE). */
  audience: string;
  /** The resource indicator (RFC 8707) of the api: an absolute URI, the default when none is asked. */
  resource: string;
  /** Where the ops console may be sent back to with its code. */
  redirectUris: readonly string[];
  secrets: ProviderSecrets;
  accessTokenTtlS?: number;
}

/** Where AUTH_ROLES_CLAIM's default says the roles are (`roles`; a dotted path nests). */
const ROLES_CLAIM = authEnvFields.AUTH_ROLES_CLAIM.parse(undefined);

function atPath(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16_384) reject(new errors.InvalidRequest('form too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function createDevProvider(options: DevProviderOptions): Provider {
  const { audience, resource } = options;
  const configuration: Configuration = {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: 'Care transitions ops console',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...options.redirectUris],
      },
      {
        client_id: FEED_CLIENT_ID,
        client_name: 'Demo ADT feed',
        client_secret: options.secrets.feedSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    responseTypes: ['code'],
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    jwks: options.secrets.jwks,
    cookies: { keys: options.secrets.cookieKeys },
    // every authorization code flow needs PKCE, confidential clients too (S256 is the only method)
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'roles', 'facilities', 'teams'] },
    findAccount: (_ctx, id) => {
      const persona = personaById(id);
      if (!persona) return undefined;
      return {
        accountId: persona.id,
        claims: () => ({
          sub: persona.id,
          name: persona.name,
          roles: [...persona.roles],
          facilities: [...persona.facilities],
          teams: [...persona.teams],
        }),
      };
    },
    features: {
      devInteractions: { enabled: false }, // ours below: personas instead of any name and password
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // the api is the one resource: the console and the feed need not name it
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource)
            throw new errors.InvalidTarget(`unknown resource; this provider knows ${resource}`);
          return {
            scope: API_SCOPE,
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtlS ?? 3600,
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    // the roles, facilities and teams the api reads, in the access token itself
    extraTokenClaims: (_ctx, token) => {
      const persona = 'accountId' in token ? personaById(token.accountId) : undefined;
      const roles = persona ? persona.roles : (machineClientRoles[token.clientId!] ?? []);
      return {
        ...atPath(ROLES_CLAIM, [...roles]),
        ...(persona ? { facilities: [...persona.facilities], teams: [...persona.teams] } : {}),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>${escapeHtml(String(out.error))}</h1><p>${escapeHtml(String(out.error_description ?? ''))}</p>`;
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.use((ctx, next) => interaction(provider, ctx as unknown as KoaContextWithOIDC, next));
  return provider;
}

const INTERACTION = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/;

/** The sign-in (pick a persona) and consent pages, and what their buttons post. */
async function interaction(provider: Provider, ctx: KoaContextWithOIDC, next: () => Promise<unknown>) {
  const match = INTERACTION.exec(ctx.path);
  if (!match) return next();
  ctx.set('cache-control', 'no-store');
  const [, uid, action] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== uid) throw new errors.SessionNotFound('interaction session not found');
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? String(details.params.client_id);

  if (!action) {
    if (ctx.method !== 'GET') return void (ctx.status = 405);
    ctx.type = 'html';
    ctx.body =
      details.prompt.name === 'login'
        ? loginPage(uid, clientName)
        : consentPage(uid, clientName, requestedScopes(details.prompt.details));
    return;
  }
  if (ctx.method !== 'POST') return void (ctx.status = 405);
  const form = await readForm(ctx.req);
  let redirectTo: string;
  switch (action) {
    case 'login': {
      const persona = personaById(form.get('persona') ?? '');
      if (details.prompt.name !== 'login' || !persona)
        throw new errors.InvalidRequest('pick one of the personas');
      const result = { login: { accountId: persona.id, amr: ['dev-persona'] } };
      redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
        mergeWithLastSubmission: false,
      });
      break;
    }
    case 'confirm': {
      if (details.prompt.name !== 'consent') throw new errors.InvalidRequest('nothing to consent to');
      const { accountId } = details.session ?? {};
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new errors.SessionNotFound('grant not found');
      const prompt = details.prompt.details as PromptDetails;
      if (prompt.missingOIDCScope) grant.addOIDCScope(prompt.missingOIDCScope.join(' '));
      if (prompt.missingOIDCClaims) grant.addOIDCClaims(prompt.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(prompt.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      const result = { consent: details.grantId ? {} : { grantId } };
      redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
        mergeWithLastSubmission: true,
      });
      break;
    }
    case 'abort': {
      const result = { error: 'access_denied', error_description: 'the user cancelled the sign-in' };
      redirectTo = await provider.interactionResult(ctx.req, ctx.res, result, {
        mergeWithLastSubmission: false,
      });
      break;
    }
    default:
      throw new errors.InvalidRequest('unknown interaction');
  }
  ctx.status = 303;
  ctx.redirect(redirectTo);
}

interface PromptDetails {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

function requestedScopes(details: unknown): string[] {
  const { missingOIDCScope = [], missingResourceScopes = {} } = details as PromptDetails;
  return [...missingOIDCScope, ...Object.values(missingResourceScopes).flat()];
}
