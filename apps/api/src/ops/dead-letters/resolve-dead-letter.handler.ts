import { ConflictException, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DeadLetterEntity, recordDeadLetterAction, type DeadLetterStatus } from '@ct/persistence';
import { deadLetterView } from './list-dead-letters.handler';
import { ResolveDeadLetterCommand } from './resolve-dead-letter.command';
import { requeueDelivery } from './requeue-delivery';

const NEXT: Record<ResolveDeadLetterCommand['action'], DeadLetterStatus> = {
  replay: 'replay-requested',
  discard: 'discarded',
};

/**
 * A replay of the orchestrator's is run by the orchestrator (replay-requested); an outbox record
 * or a webhook delivery (its tries start again) is queued again at once; a worker's (a transition ended by bad data) is fixed at the sender. Only an open dead letter can be replayed or discarded; asking again
 * for a replay already asked for is answered with its state. Each action is kept with who and why.
 */
@CommandHandler(ResolveDeadLetterCommand)
export class ResolveDeadLetterHandler implements ICommandHandler<ResolveDeadLetterCommand> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  execute({ id, action, actor, reason }: ResolveDeadLetterCommand) {
    return this.db.transaction(async (db) => {
      const rows = db.getRepository(DeadLetterEntity);
      const row = await rows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`no dead letter ${id}`);
      const repeat = action === 'replay' && ['replay-requested', 'replaying'].includes(row.status);
      if (repeat) return deadLetterView(row);
      if (row.status !== 'open') throw new ConflictException(`dead letter ${id} is ${row.status}, not open`);
      if (action === 'replay' && row.stage === 'worker') {
        throw new ConflictException(
          `dead letter ${id} is a transition that bad data ended: it has nothing to replay; ` +
            'have the sender correct and resend the discharge (it starts the transition again), then discard this',
        );
      }
      // an outbox record goes back in the queue now; a new refusal makes it a dead letter again
      const requeued = action === 'replay' && (row.stage === 'outbox' || row.stage === 'webhook');
      if (requeued && row.stage === 'outbox') {
        await db.query(`UPDATE outbox SET dead_lettered_at = NULL WHERE id = $1`, [
          row.sourceRef.split('/')[1],
        ]);
      }
      if (requeued && row.stage === 'webhook') await requeueDelivery(db, id, row.sourceRef.split('/')[1]);
      row.status = requeued ? 'replayed' : NEXT[action];
      row.resolvedBy = actor;
      row.resolution = reason ?? null;
      await rows.save(row);
      await recordDeadLetterAction(db, id, action, actor, reason ?? null);
      return deadLetterView(row);
    });
  }
}
