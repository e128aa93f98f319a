import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signWebhook } from './sign-webhook';

// the example of the Standard Webhooks reference libraries (and Svix's documentation)
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('signWebhook', () => {
  it('gives the known signature of the reference vector', () => {
    const headers = signWebhook(VECTOR.secret, VECTOR.id, new Date(VECTOR.timestamp * 1000), VECTOR.body);
    expect(headers).toEqual({
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    });
  });

  it('is plain HMAC-SHA256 over id.timestamp.body with the base64 key (what docs/notifications.md tells receivers)', () => {
    const key = Buffer.from(VECTOR.secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key)
      .update(`${VECTOR.id}.${VECTOR.timestamp}.${VECTOR.body}`)
      .digest('base64');
    expect(`v1,${mac}`).toBe(VECTOR.signature);
  });

  it('signs with a new secret so that the receiver verifies it, and refuses a changed body', () => {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const body = '{"type":"breach.recorded"}';
    const headers = signWebhook(secret, 'delivery-1', new Date(), body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual({ type: 'breach.recorded' });
    expect(() => new Webhook(secret).verify(body.replace('breach', 'reminder'), { ...headers })).toThrow();
  });
});
