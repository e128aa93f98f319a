import { Module } from '@nestjs/common';
import { orchestratorEnvSchema } from '@ct/config';
import { APP_READINESS, appFoundation } from '@ct/observability';
import { AdtEventsConsumer } from './consumer/adt-events.consumer';
import { ConsumerLagMetrics } from './consumer/consumer-lag.metrics';
import { RecordMetrics } from './consumer/record.metrics';
import { RecordHandler } from './consumer/record-handler';
import { DeadLetterReplayer } from './dead-letters/dead-letter-replayer';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import { HandleAdtEventHandler } from './transitions/handle-adt-event/handle-adt-event.handler';
import { HandleReferralEventHandler } from './transitions/handle-referral-event/handle-referral-event.handler';
import { TransitionStarter } from './transitions/transition-starter';
import { TransitionMetrics } from './transitions/transition.metrics';
import { OpenTransitionsLookup } from './transitions/handle-adt-event/open-transitions.lookup';

@Module({
  imports: appFoundation(orchestratorEnvSchema, ['postgres', 'kafka', 'temporal']),
  providers: [
    RecordMetrics,
    TransitionMetrics,
    ConsumerLagMetrics,
    TransitionStarter,
    HandleAdtEventHandler,
    HandleReferralEventHandler,
    OpenTransitionsLookup,
    DeadLetterStore,
    RecordHandler,
    DeadLetterReplayer,
    AdtEventsConsumer,
    // ready once the consumer has joined its group
    { provide: APP_READINESS, useExisting: AdtEventsConsumer },
  ],
})
export class OrchestratorModule {}
