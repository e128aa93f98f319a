import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type FindOptionsWhere } from 'typeorm';
import { scopedFacilities } from '@ct/auth';
import { WebhookSubscriptionEntity } from '@ct/persistence';
import { toWebhookSubscriptionView, type DeliveryCounts } from '../webhook-subscription.view';
import { ListWebhooksQuery } from './list-webhooks.query';

/** The caller's facilities' subscriptions (a `*` one only for a caller granted all), newest first, with delivery counts. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ filter, actor }: ListWebhooksQuery) {
    const facilities = scopedFacilities(actor, filter.facility);
    const where: FindOptionsWhere<WebhookSubscriptionEntity> = {};
    if (facilities) where.facility = In([...facilities]);
    if (filter.enabled !== undefined) where.enabled = filter.enabled;
    const rows = await this.db.getRepository(WebhookSubscriptionEntity).find({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    const counts = await this.counts(rows.map((row) => row.id));
    return {
      items: rows.map((row) => toWebhookSubscriptionView(row, counts.get(row.id))),
      total: rows.length,
    };
  }

  private async counts(ids: string[]): Promise<Map<string, DeliveryCounts>> {
    const map = new Map<string, DeliveryCounts>();
    if (!ids.length) return map;
    const rows: { subscription_id: string; status: keyof DeliveryCounts; n: number }[] = await this.db.query(
      `SELECT subscription_id, status, count(*)::int AS n FROM webhook_deliveries
       WHERE subscription_id = ANY ($1::uuid[]) GROUP BY subscription_id, status`,
      [ids],
    );
    for (const row of rows) {
      const counts = map.get(row.subscription_id) ?? { pending: 0, delivered: 0, dead: 0 };
      counts[row.status] = row.n;
      map.set(row.subscription_id, counts);
    }
    return map;
  }
}
