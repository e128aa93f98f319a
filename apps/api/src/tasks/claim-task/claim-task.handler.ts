import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { claimStepUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from '../task-updates';
import { ClaimTaskCommand } from './claim-task.command';

@CommandHandler(ClaimTaskCommand)
export class ClaimTaskHandler implements ICommandHandler<ClaimTaskCommand> {
  constructor(private readonly updates: TaskUpdates) {}

  execute({ taskId, actor, ifMatch }: ClaimTaskCommand) {
    return this.updates.send(actor, taskId, claimStepUpdate, (task) => ({
      stepKey: task.stepKey,
      claimedBy: actor.subject,
      ifMatch,
    }));
  }
}
