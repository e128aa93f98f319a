import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfigModule, apiEnvSchema } from '@ct/config';
import { KafkaModule } from '@ct/kafka';
import { AppLoggerModule, HealthModule, ProblemDetailsFilter } from '@ct/observability';
import { PersistenceModule } from '@ct/persistence';
import { TemporalClientModule } from '@ct/temporal';
import { CompleteTaskHandler } from './tasks/complete-task/complete-task.handler';
import { GetWorklistHandler } from './tasks/get-worklist/get-worklist.handler';
import { TasksHttpController } from './tasks/tasks.http.controller';
import { GetTransitionHandler } from './transitions/get-transition/get-transition.handler';
import { TransitionsHttpController } from './transitions/transitions.http.controller';

@Module({
  imports: [
    AppConfigModule.forRoot(apiEnvSchema),
    AppLoggerModule,
    CqrsModule.forRoot(),
    PersistenceModule,
    KafkaModule,
    TemporalClientModule,
    HealthModule,
  ],
  controllers: [TasksHttpController, TransitionsHttpController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    GetWorklistHandler,
    CompleteTaskHandler,
    GetTransitionHandler,
  ],
})
export class ApiModule {}
