import { Module } from '@nestjs/common';
import { workerEnvSchema } from '@ct/config';
import { appFoundation } from '@ct/observability';
import { OutboxMetrics } from './outbox/outbox.metrics';
import { OutboxRelayService } from './outbox/outbox-relay.service';
import { TasksActivities } from './tasks/tasks.activities';
import { TasksMetrics } from './tasks/tasks.metrics';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { CareEventsConsumer } from './webhooks/care-events.consumer';
import { WebhookMetrics } from './webhooks/webhook.metrics';
import { WebhookSenderService } from './webhooks/webhook-sender.service';

@Module({
  imports: appFoundation(workerEnvSchema, ['postgres', 'kafka', 'temporal']),
  providers: [
    TasksMetrics,
    TasksActivities,
    TemporalWorkerService,
    OutboxRelayService,
    OutboxMetrics,
    WebhookMetrics,
    WebhookSenderService,
    CareEventsConsumer,
  ],
})
export class WorkerModule {}
