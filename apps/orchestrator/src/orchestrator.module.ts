import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfigModule, orchestratorEnvSchema } from '@ct/config';
import { KafkaModule } from '@ct/kafka';
import { AppLoggerModule, HealthModule } from '@ct/observability';
import { PersistenceModule } from '@ct/persistence';
import { TemporalClientModule } from '@ct/temporal';
import { AdtEventsConsumer } from './consumer/adt-events.consumer';
import { HandleAdtEventHandler } from './transitions/handle-adt-event/handle-adt-event.handler';
import { OpenTransitionsLookup } from './transitions/handle-adt-event/open-transitions.lookup';

@Module({
  imports: [
    AppConfigModule.forRoot(orchestratorEnvSchema),
    AppLoggerModule,
    CqrsModule.forRoot(),
    PersistenceModule,
    KafkaModule,
    TemporalClientModule,
    HealthModule,
  ],
  providers: [HandleAdtEventHandler, OpenTransitionsLookup, AdtEventsConsumer],
})
export class OrchestratorModule {}
