import { Query } from '@nestjs/cqrs';
import type { Principal } from '@ct/auth';
import type { AccessRequest } from '../../access-log/access-log';
import type { TaskDetail } from './task-detail.view';

export class GetTaskDetailQuery extends Query<TaskDetail> {
  constructor(
    readonly taskId: string,
    readonly principal: Principal,
    readonly request: AccessRequest,
  ) {
    super();
  }
}
