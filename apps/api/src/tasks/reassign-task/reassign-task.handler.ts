import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { reassignStepUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from '../task-updates';
import { ReassignTaskCommand } from './reassign-task.command';

@CommandHandler(ReassignTaskCommand)
export class ReassignTaskHandler implements ICommandHandler<ReassignTaskCommand> {
  constructor(private readonly updates: TaskUpdates) {}

  execute({ taskId, actor, request, ifMatch }: ReassignTaskCommand) {
    return this.updates.send(
      actor,
      taskId,
      reassignStepUpdate,
      (task) => ({ stepKey: task.stepKey, ...request, by: actor.subject, ifMatch }),
      { needs: 'supervisor' },
    );
  }
}
