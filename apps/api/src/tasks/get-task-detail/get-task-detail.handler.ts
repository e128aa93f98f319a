import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { notFoundProblem, seesFacility } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { PatientContextEntity, TaskEntity } from '@ct/persistence';
import { AccessLog } from '../../access-log/access-log';
import { toTaskView } from '../task.view';
import { GetTaskDetailQuery } from './get-task-detail.query';
import { toTaskDetail } from './task-detail.view';

/**
 * A task with its patient context. Outside the caller's facilities it is the 404 of a missing
 * task (the refusal is logged); every answer with the task is recorded in the access log first.
 */
@QueryHandler(GetTaskDetailQuery)
export class GetTaskDetailHandler implements IQueryHandler<GetTaskDetailQuery> {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(PatientContextEntity) private readonly contexts: Repository<PatientContextEntity>,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ taskId, principal, request }: GetTaskDetailQuery) {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw new ProblemException(notFoundProblem('Task', taskId));
    const entry = {
      subject: principal.subject,
      patientKey: task.patientKey,
      facility: task.facility,
      taskId: task.id,
      transitionId: task.transitionId,
      ...request,
    };
    if (!seesFacility(principal, task.facility)) {
      await this.accessLog.refused(entry);
      throw new ProblemException(notFoundProblem('Task', taskId));
    }
    const context = await this.contexts.findOneBy({ transitionId: task.transitionId });
    await this.accessLog.disclosed(entry);
    return toTaskDetail(toTaskView(task), context);
  }
}
