import { signWebhook } from './sign-webhook';

export type TryOutcome = 'ok' | 'http-error' | 'network' | 'timeout';

export interface TryResult {
  outcome: TryOutcome;
  status: number | null;
  /** Why it failed, in our words (never the receiver's body: it is not ours to store). */
  reason: string | null;
}

export interface WebhookTarget {
  deliveryId: string;
  url: string;
  secret: string;
  body: string;
}

/** One signed POST; a 2xx is success, anything else (redirects too: never followed) a failure. */
export async function postWebhook(target: WebhookTarget, timeoutMs: number): Promise<TryResult> {
  const headers = signWebhook(target.secret, target.deliveryId, new Date(), target.body);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'care-transitions-webhooks/1',
        ...headers,
      },
      body: target.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) {
      return { outcome: 'ok', status: response.status, reason: null };
    }
    return { outcome: 'http-error', status: response.status, reason: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { outcome: 'timeout', status: null, reason: `no answer within ${timeoutMs} ms` };
    }
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    const detail = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'network error';
    return { outcome: 'network', status: null, reason: `could not reach the receiver (${detail})` };
  }
}
