import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { webhookSubscriptionSchema } from '../webhook-subscription.view';

export const listWebhooksFilterSchema = z
  .object({
    facility: z.string().min(1).max(100).optional(),
    enabled: z.stringbool().optional(),
  })
  .strict();
export type ListWebhooksFilter = z.infer<typeof listWebhooksFilterSchema>;

export const webhookSubscriptionListSchema = z
  .object({ items: z.array(webhookSubscriptionSchema), total: z.number().int() })
  .meta({ id: 'WebhookSubscriptionList' });

export class ListWebhooksQuery extends Query<z.infer<typeof webhookSubscriptionListSchema>> {
  constructor(
    readonly filter: ListWebhooksFilter,
    readonly actor: Principal,
  ) {
    super();
  }
}
