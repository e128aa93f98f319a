import { Webhook } from 'standardwebhooks';

/** The three headers of the Standard Webhooks spec; a receiver verifies them with the subscription's secret. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Signs one try: HMAC-SHA256 over `<id>.<unix seconds>.<body>` with the key in `whsec_<base64>`
 * (the reference library, so receivers' libraries agree). The id stays the same across retries,
 * so a receiver can drop a try it already took.
 */
export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}
