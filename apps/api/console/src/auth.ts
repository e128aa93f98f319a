import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from './config';

export const CALLBACK_PATH = '/console/callback';
const DEV_TOKEN_KEY = 'ct-console-dev-token';

/**
 * The console's bearer token: OpenID Connect authorization code + PKCE (oidc-client-ts) as the
 * public client CONSOLE_OIDC_CLIENT_ID. DEVELOPMENT ONLY: when the api runs with NODE_ENV other
 * than production (config.devTokens), a token in the URL fragment (`#token=…`) is taken as is,
 * for tests and for use before an OpenID provider exists; production ignores it.
 */
export class Auth {
  readonly users: UserManager;
  private devToken: string | null = null;

  constructor(private readonly config: ConsoleConfig) {
    const origin = window.location.origin;
    this.users = new UserManager({
      authority: config.oidc.authority,
      client_id: config.oidc.clientId,
      redirect_uri: config.oidc.redirectUri ?? `${origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${origin}/console/`,
      response_type: 'code',
      scope: config.oidc.scope,
      // the tab's session only: a shared ward PC forgets the token when the browser closes
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: true,
    });
    if (config.devTokens) this.devToken = takeDevToken();
  }

  get usingDevToken(): boolean {
    return this.devToken !== null;
  }

  /** The access token to send, or null when the user must sign in. */
  async token(): Promise<string | null> {
    if (this.devToken) return this.devToken;
    const user = await this.users.getUser();
    return user && !user.expired ? user.access_token : null;
  }

  /**
   * The roles the access token names (at `roles`, where the api reads them by default), to show
   * the pages the caller can use; display only: the api checks every call itself.
   */
  async roles(): Promise<string[] | null> {
    const token = await this.token();
    if (!token) return null;
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
        roles?: unknown;
      };
      return Array.isArray(payload.roles)
        ? payload.roles.filter((r): r is string => typeof r === 'string')
        : null;
    } catch {
      return null;
    }
  }

  async subject(): Promise<string | null> {
    if (this.devToken) return null;
    const user = await this.users.getUser();
    return user?.profile.preferred_username ?? user?.profile.sub ?? null;
  }

  signIn(returnTo: string): Promise<void> {
    return this.users.signinRedirect({ state: { returnTo } });
  }

  /** On /console/callback: trades the code for tokens; answers where the user was going. */
  async completeSignIn(): Promise<string> {
    const user = await this.users.signinCallback();
    const state = user?.state as { returnTo?: string } | undefined;
    return state?.returnTo?.startsWith('/console') ? state.returnTo : '/console/';
  }

  async signOut(): Promise<void> {
    if (this.devToken) {
      this.devToken = null;
      sessionStorage.removeItem(DEV_TOKEN_KEY);
      window.location.assign('/console/');
      return;
    }
    await this.users.signoutRedirect();
  }
}

/** `#token=…` (then dropped from the address bar and history), or one kept earlier in this tab. */
function takeDevToken(): string | null {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  if (token) {
    sessionStorage.setItem(DEV_TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(DEV_TOKEN_KEY);
}
