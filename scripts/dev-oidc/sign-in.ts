// DEV ONLY: tokens from the running development provider without a browser, for `npm run token`
// and the demo feed: a persona signs in (authorization code + PKCE through the persona page), a
// machine client uses client credentials.
import { createHash, randomBytes } from 'node:crypto';
import type { ProviderInfo } from './state';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`${issuer}: discovery answered HTTP ${response.status}`);
  return (await response.json()) as Discovery;
}

async function tokenRequest(endpoint: string, form: Record<string, string>, headers = {}): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as {
    access_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token)
    throw new Error(
      `token endpoint: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim(),
    );
  return body.access_token;
}

/** An access token for the demo feed (client credentials; its `sub` is the client id). */
export async function feedToken(info: ProviderInfo): Promise<string> {
  const { token_endpoint } = await discover(info.issuer);
  const basic = Buffer.from(`${info.feedClientId}:${info.feedSecret}`).toString('base64');
  return tokenRequest(
    token_endpoint,
    { grant_type: 'client_credentials' },
    { authorization: `Basic ${basic}` },
  );
}

/** Signs PERSONA in to the ops console as a browser would, with PKCE, and returns its access token. */
export async function personaToken(info: ProviderInfo, persona: string): Promise<string> {
  const { authorization_endpoint, token_endpoint } = await discover(info.issuer);
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: info.consoleClientId,
    response_type: 'code',
    redirect_uri: info.consoleRedirectUri,
    scope: 'openid profile api',
    state: randomBytes(8).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  // a browser's part: cookies, and redirects followed one at a time
  const cookies = new Map<string, string>();
  const request = async (url: string, form?: Record<string, string>): Promise<Response> => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const go = async (url: string, form?: Record<string, string>): Promise<string> => {
    const response = await request(url, form);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location)
      throw new Error(`sign-in stopped at ${new URL(url).pathname}: HTTP ${response.status}`);
    return new URL(location, url).href;
  };

  let url = await go(authorize.href);
  for (let step = 0; step < 10; step += 1) {
    const { pathname, searchParams } = new URL(url);
    if (url.startsWith(info.consoleRedirectUri)) {
      const code = searchParams.get('code');
      if (!code)
        throw new Error(
          `sign-in refused: ${searchParams.get('error')} ${searchParams.get('error_description')}`,
        );
      return tokenRequest(token_endpoint, {
        grant_type: 'authorization_code',
        client_id: info.consoleClientId,
        redirect_uri: info.consoleRedirectUri,
        code,
        code_verifier: verifier,
      });
    }
    if (/^\/interaction\/[\w-]+$/.test(pathname)) {
      // the persona page first, then (if the provider asks) the consent page
      const page = await (await request(url)).text();
      url = page.includes(`${pathname}/login`)
        ? await go(`${url}/login`, { persona })
        : await go(`${url}/confirm`, {});
    } else {
      url = await go(url);
    }
  }
  throw new Error('sign-in did not come back to the console');
}
