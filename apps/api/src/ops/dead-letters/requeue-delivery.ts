import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A dead webhook delivery back to pending, its tries counted afresh; gone with its subscription: 409. */
export async function requeueDelivery(
  db: EntityManager,
  deadLetterId: string,
  deliveryId: string,
): Promise<void> {
  const [, updated] = await db.query<[unknown, number]>(
    `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
     WHERE id = $1 AND status = 'dead'`,
    [deliveryId],
  );
  if (updated === 0) {
    throw new ConflictException(
      `dead letter ${deadLetterId} is a webhook delivery whose subscription was deleted: ` +
        'nothing to send it to; discard it (or create the subscription again for new events)',
    );
  }
}
