import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@ct/auth';
import { apiEnvSchema } from '@ct/config';
import { appFoundation, ProblemDetailsFilter } from '@ct/observability';
import { NoStoreMiddleware } from './no-store.middleware';
import { AccessLog } from './access-log/access-log';
import { AccessLogHttpController } from './access-log/access-log.http.controller';
import { ListAccessLogHandler } from './access-log/list-access-log/list-access-log.handler';
import { ConsoleHttpController } from './console/console.http.controller';
import { ConsoleStaticModule } from './console/console-static';
import { GetDailyHandler } from './ops/daily/daily.handler';
import { DeadLettersHttpController } from './ops/dead-letters/dead-letters.http.controller';
import { ListDeadLettersHandler } from './ops/dead-letters/list-dead-letters.handler';
import { ResolveDeadLetterHandler } from './ops/dead-letters/resolve-dead-letter.handler';
import { GetBreachRiskHandler } from './ops/breach-risk/breach-risk.handler';
import { GetFeedHealthHandler } from './ops/feed-health/feed-health.handler';
import { ListTransitionsHandler } from './ops/list-transitions/list-transitions.handler';
import { OpsHttpController } from './ops/ops.http.controller';
import { GetPipelineHandler } from './ops/pipeline/pipeline.handler';
import { GetStuckTransitionsHandler } from './ops/stuck-transitions/stuck-transitions.handler';
import { GetSummaryHandler } from './ops/summary/summary.handler';
import { AddNoteHandler } from './notes/add-note.handler';
import { ListNotesHandler } from './notes/list-notes.handler';
import { NoteSubjects } from './notes/note-subject';
import { NotesHttpController } from './notes/notes.http.controller';
import { AttemptsHttpController } from './tasks/attempts/attempts.http.controller';
import { ListAttemptsHandler } from './tasks/attempts/list-attempts.handler';
import { RecordAttemptHandler } from './tasks/attempts/record-attempt.handler';
import { ChangeWebhookHandler } from './ops/webhooks/change-webhook/change-webhook.handler';
import { CreateWebhookHandler } from './ops/webhooks/create-webhook/create-webhook.handler';
import { ListWebhooksHandler } from './ops/webhooks/list-webhooks/list-webhooks.handler';
import { WebhooksHttpController } from './ops/webhooks/webhooks.http.controller';
import { ClaimTaskHandler } from './tasks/claim-task/claim-task.handler';
import { TaskUpdates } from './tasks/task-updates';
import { CompleteTaskHandler } from './tasks/complete-task/complete-task.handler';
import { GetTaskDetailHandler } from './tasks/get-task-detail/get-task-detail.handler';
import { GetWorklistHandler } from './tasks/get-worklist/get-worklist.handler';
import { OpenStepsMetrics } from './tasks/open-steps.metrics';
import { pathwayRoleMapProvider } from './tasks/pathway-role-map';
import { TaskChangeListener } from './tasks/stream/task-change.listener';
import { TaskStreamHttpController } from './tasks/stream/task-stream.http.controller';
import { TaskStreamHub } from './tasks/stream/task-stream.hub';
import { TasksHttpController } from './tasks/tasks.http.controller';
import { RetentionPurgeService } from './retention/retention-purge.service';
import { ReassignTaskHandler } from './tasks/reassign-task/reassign-task.handler';
import { UnclaimTaskHandler } from './tasks/unclaim-task/unclaim-task.handler';
import { GetTransitionHandler } from './transitions/get-transition/get-transition.handler';
import { TransitionsHttpController } from './transitions/transitions.http.controller';

@Module({
  imports: [...appFoundation(apiEnvSchema, ['postgres', 'temporal']), AuthModule, ConsoleStaticModule],
  controllers: [
    // before TasksHttpController: /tasks/stream must not be taken for a task id
    TaskStreamHttpController,
    TasksHttpController,
    AttemptsHttpController,
    NotesHttpController,
    TransitionsHttpController,
    DeadLettersHttpController,
    OpsHttpController,
    WebhooksHttpController,
    ConsoleHttpController,
    AccessLogHttpController,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    GetWorklistHandler,
    CompleteTaskHandler,
    ClaimTaskHandler,
    UnclaimTaskHandler,
    ReassignTaskHandler,
    TaskUpdates,
    pathwayRoleMapProvider,
    GetTransitionHandler,
    ListDeadLettersHandler,
    ResolveDeadLetterHandler,
    GetSummaryHandler,
    GetBreachRiskHandler,
    GetStuckTransitionsHandler,
    GetFeedHealthHandler,
    GetDailyHandler,
    GetPipelineHandler,
    ListTransitionsHandler,
    OpenStepsMetrics,
    RecordAttemptHandler,
    ListAttemptsHandler,
    NoteSubjects,
    AddNoteHandler,
    ListNotesHandler,
    GetTaskDetailHandler,
    AccessLog,
    ListAccessLogHandler,
    RetentionPurgeService,
    TaskStreamHub,
    TaskChangeListener,
    CreateWebhookHandler,
    ListWebhooksHandler,
    ChangeWebhookHandler,
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(NoStoreMiddleware).forRoutes('api/*path');
  }
}
