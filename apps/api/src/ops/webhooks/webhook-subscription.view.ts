import { z } from 'zod';
import { webhookEventKinds } from '@ct/contracts';
import type { WebhookSubscriptionEntity } from '@ct/persistence';

export interface DeliveryCounts {
  pending: number;
  delivered: number;
  dead: number;
}

/** A subscription as ops see it: never its secret (shown once, when created). */
export const webhookSubscriptionSchema = z
  .object({
    id: z.uuid(),
    facility: z.string(),
    team: z.string().nullable(),
    role: z.string().nullable(),
    eventKinds: z.array(z.enum(webhookEventKinds)),
    url: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscriptionView = z.infer<typeof webhookSubscriptionSchema>;

export function toWebhookSubscriptionView(
  row: WebhookSubscriptionEntity,
  deliveries: DeliveryCounts = { pending: 0, delivered: 0, dead: 0 },
): WebhookSubscriptionView {
  return {
    id: row.id,
    facility: row.facility,
    team: row.team,
    role: row.role,
    eventKinds: row.eventKinds as WebhookSubscriptionView['eventKinds'],
    url: row.url,
    description: row.description,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveries,
  };
}

/** The same 404 for a subscription that does not exist and one of a facility the caller does not see. */
export const subscriptionNotFound = (id: string) => ({
  type: 'https://care-transitions.dev/problems/not-found',
  title: 'Webhook subscription not found',
  status: 404,
  detail: `No webhook subscription with id ${id}; list yours with GET /api/v1/ops/webhooks.`,
});
