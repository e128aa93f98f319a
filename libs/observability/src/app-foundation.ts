import { CqrsModule } from '@nestjs/cqrs';
import type { z } from 'zod';
import { AppConfigModule } from '@ct/config';
import { KafkaModule } from '@ct/kafka';
import { PersistenceModule } from '@ct/persistence';
import { TemporalClientModule } from '@ct/temporal';
import { HealthModule } from './health/health.module';
import { AppLoggerModule } from './logger.module';

/** What every app stands on: config validated at boot, JSON logs, CQRS, Postgres, Kafka, Temporal, health. */
export function appFoundation(envSchema: z.ZodType<Record<string, unknown>>) {
  return [
    AppConfigModule.forRoot(envSchema),
    AppLoggerModule,
    CqrsModule.forRoot(),
    PersistenceModule,
    KafkaModule,
    TemporalClientModule,
    HealthModule,
  ];
}
