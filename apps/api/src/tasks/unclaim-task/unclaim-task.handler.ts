import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { unclaimStepUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from '../task-updates';
import { UnclaimTaskCommand } from './unclaim-task.command';

/** Only the holder may (the workflow checks); the step's role is not needed, see TaskWriteNeeds. */
@CommandHandler(UnclaimTaskCommand)
export class UnclaimTaskHandler implements ICommandHandler<UnclaimTaskCommand> {
  constructor(private readonly updates: TaskUpdates) {}

  execute({ taskId, actor, request, ifMatch }: UnclaimTaskCommand) {
    return this.updates.send(
      actor,
      taskId,
      unclaimStepUpdate,
      (task) => ({ stepKey: task.stepKey, by: actor.subject, reason: request.reason, ifMatch }),
      { needs: 'scope' },
    );
  }
}
