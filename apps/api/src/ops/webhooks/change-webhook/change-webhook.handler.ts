import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { seesFacility } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { WebhookSubscriptionEntity } from '@ct/persistence';
import { subscriptionNotFound, toWebhookSubscriptionView } from '../webhook-subscription.view';
import { ChangeWebhookCommand } from './change-webhook.command';

/** A subscription of another facility is the same 404 as one that does not exist. */
@CommandHandler(ChangeWebhookCommand)
export class ChangeWebhookHandler implements ICommandHandler<ChangeWebhookCommand> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  execute({ id, change, actor }: ChangeWebhookCommand) {
    return this.db.transaction(async (tx) => {
      const rows = tx.getRepository(WebhookSubscriptionEntity);
      const row = await rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !seesFacility(actor, row.facility)) throw new ProblemException(subscriptionNotFound(id));
      if (change === 'delete') {
        // its dead letters stay (stage webhook); a replay of one then answers that it is gone
        await tx.query(`DELETE FROM webhook_deliveries WHERE subscription_id = $1`, [id]);
        await rows.delete({ id });
        return undefined;
      }
      row.enabled = change === 'enable';
      return toWebhookSubscriptionView(await rows.save(row));
    });
  }
}
