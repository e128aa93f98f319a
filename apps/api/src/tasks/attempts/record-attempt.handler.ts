import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OutreachAttemptEntity } from '@ct/persistence';
import { recordAttemptUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from '../task-updates';
import { RecordAttemptCommand } from './record-attempt.command';

/**
 * Hands the attempt's codes and times to the transition (it validates them, writes the row and
 * applies the step's rule), then adds the note to the row: free text never goes through Temporal.
 */
@CommandHandler(RecordAttemptCommand)
export class RecordAttemptHandler implements ICommandHandler<RecordAttemptCommand> {
  constructor(
    private readonly updates: TaskUpdates,
    @InjectRepository(OutreachAttemptEntity) private readonly attempts: Repository<OutreachAttemptEntity>,
  ) {}

  async execute({ taskId, actor, request }: RecordAttemptCommand) {
    const attemptId = randomUUID();
    const { channel, outcome, contactedAt } = request;
    const result = await this.updates.send(
      actor,
      taskId,
      recordAttemptUpdate,
      (task) => ({
        attemptId,
        stepKey: task.stepKey,
        channel,
        outcome,
        contactedAt,
        recordedBy: actor.subject,
      }),
      { updateId: attemptId },
    );
    if (request.note) await this.attempts.update({ id: attemptId }, { note: request.note });
    return result;
  }
}
