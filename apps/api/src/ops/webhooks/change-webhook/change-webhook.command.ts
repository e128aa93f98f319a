import { Command } from '@nestjs/cqrs';
import type { Principal } from '@ct/auth';
import type { WebhookSubscriptionView } from '../webhook-subscription.view';

export type WebhookChange = 'enable' | 'disable' | 'delete';

/** Turn a subscription off (its pending deliveries wait) or on again, or delete it with its deliveries. */
export class ChangeWebhookCommand extends Command<WebhookSubscriptionView | undefined> {
  constructor(
    readonly id: string,
    readonly change: WebhookChange,
    readonly actor: Principal,
  ) {
    super();
  }
}
