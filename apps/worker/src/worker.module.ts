import { Module } from '@nestjs/common';
import { AppConfigModule, workerEnvSchema } from '@ct/config';
import { KafkaModule } from '@ct/kafka';
import { AppLoggerModule, HealthModule } from '@ct/observability';
import { PersistenceModule } from '@ct/persistence';
import { TemporalClientModule } from '@ct/temporal';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { TasksActivities } from './tasks/tasks.activities';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [
    AppConfigModule.forRoot(workerEnvSchema),
    AppLoggerModule,
    PersistenceModule,
    KafkaModule,
    TemporalClientModule,
    HealthModule,
  ],
  providers: [TasksActivities, TemporalWorkerService, OutboxRelayService],
})
export class WorkerModule {}
