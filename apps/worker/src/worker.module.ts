import { Module } from '@nestjs/common';
import { workerEnvSchema } from '@ct/config';
import { appFoundation } from '@ct/observability';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { TasksActivities } from './tasks/tasks.activities';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: appFoundation(workerEnvSchema, ['postgres', 'kafka', 'temporal']),
  providers: [TasksActivities, TemporalWorkerService, OutboxRelayService],
})
export class WorkerModule {}
