import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where a receiver may be: https anywhere, http only on this machine (tests, a local relay). */
export function isAcceptableWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

export const webhookUrlSchema = z.string().max(2_000).refine(isAcceptableWebhookUrl, {
  message: 'an https URL (http only on 127.0.0.1, localhost or [::1]) without a user or password in it',
});
