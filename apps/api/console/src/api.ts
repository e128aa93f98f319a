import type { Auth } from './auth';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export class SignInNeeded extends Error {}

/** JSON calls to the api (same origin) and the gateway (CORS), with the bearer token. */
export class Api {
  constructor(
    private readonly auth: Auth,
    private readonly gatewayUrl: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.call<T>(path, { method: 'GET' });
  }

  post<T>(path: string, body?: unknown, acceptStatuses: number[] = []): Promise<T> {
    return this.call<T>(
      path,
      { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) },
      [...acceptStatuses],
    );
  }

  gateway<T>(path: string, init: { method: 'GET' | 'POST' } = { method: 'GET' }, accept: number[] = []) {
    return this.call<T>(`${this.gatewayUrl}${path}`, init, accept);
  }

  private async call<T>(url: string, init: RequestInit, acceptStatuses: number[] = []): Promise<T> {
    const token = await this.auth.token();
    if (!token) throw new SignInNeeded('sign in first');
    const response = await fetch(url, {
      ...init,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
    if (response.status === 401) throw new SignInNeeded('the session has expired');
    const body: unknown = response.headers.get('content-type')?.includes('json')
      ? await response.json()
      : await response.text();
    if (!response.ok && !acceptStatuses.includes(response.status)) {
      const problem = body as { title?: string; detail?: string; message?: string } | string;
      const text =
        typeof problem === 'string' ? problem : (problem.detail ?? problem.message ?? problem.title ?? '');
      throw new HttpError(response.status, `HTTP ${response.status}${text ? `: ${text}` : ''}`, body);
    }
    return body as T;
  }
}
