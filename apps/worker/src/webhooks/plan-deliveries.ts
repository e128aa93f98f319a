import type { CareEventV1, WebhookEventKind } from '@ct/contracts';
import { eventRole, webhookBody, type EventTask } from './webhook-body';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface Subscription {
  id: string;
  team: string | null;
}

/**
 * Writes one delivery per enabled subscription that wants this event: its facility or `*`, its
 * kinds, and its pathway role if it names one. (event, subscription) is unique, so a redelivered
 * Kafka record adds nothing. Returns how many deliveries are new.
 */
export async function planDeliveries(
  db: Queryable,
  event: CareEventV1 & { type: WebhookEventKind },
  consoleUrl: string,
): Promise<number> {
  const tasks = (await db.query(`SELECT id, role FROM tasks WHERE transition_id = $1 AND step_key = $2`, [
    event.transitionId,
    event.stepKey,
  ])) as EventTask[];
  const task = tasks[0];
  const subscriptions = (await db.query(
    `SELECT id, team FROM webhook_subscriptions
     WHERE enabled AND facility IN ($1, '*') AND $2 = ANY (event_kinds) AND (role IS NULL OR role = $3)`,
    [event.facility, event.type, eventRole(event, task)],
  )) as Subscription[];
  let planned = 0;
  for (const subscription of subscriptions) {
    const body = JSON.stringify(webhookBody(event, task, subscription.team, consoleUrl));
    const rows = (await db.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, facility, body)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id, subscription_id) DO NOTHING RETURNING id`,
      [subscription.id, event.eventId, event.type, event.facility, body],
    )) as unknown[];
    planned += rows.length;
  }
  return planned;
}
