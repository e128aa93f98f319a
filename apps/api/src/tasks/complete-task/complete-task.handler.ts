import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { completeStepUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from '../task-updates';
import { CompleteTaskCommand } from './complete-task.command';

/** Records a task's outcome; the transition moves on, keeps the step open (retry) or refuses. */
@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(private readonly updates: TaskUpdates) {}

  execute({ taskId, actor, request, ifMatch }: CompleteTaskCommand) {
    return this.updates.send(actor, taskId, completeStepUpdate, (task, access) => ({
      stepKey: task.stepKey,
      outcome: request.outcome,
      completedBy: actor.subject,
      supervisor: access.supervisor,
      ifMatch,
      ...(request.occurredAt ? { occurredAt: request.occurredAt } : {}),
    }));
  }
}
