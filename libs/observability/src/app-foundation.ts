import { CqrsModule } from '@nestjs/cqrs';
import type { z } from 'zod';
import { AppConfigModule } from '@ct/config';
import { KafkaModule } from '@ct/kafka';
import { PersistenceModule } from '@ct/persistence';
import { TemporalClientModule } from '@ct/temporal';
import { HealthModule } from './health/health.module';
import type { Server } from './health/servers';
import { AppLoggerModule } from './logger.module';
import { MetricsModule } from './metrics/metrics.module';

/**
 * What every app stands on: config validated at boot, JSON logs, CQRS, health and `/metrics`, plus a client
 * for each server it names, and only those: an app is ready when *its* servers answer (the
 * gateway keeps ACKing while Temporal is down).
 */
export function appFoundation(envSchema: z.ZodType<Record<string, unknown>>, uses: readonly Server[]) {
  const clients = { postgres: PersistenceModule, kafka: KafkaModule, temporal: TemporalClientModule };
  return [
    AppConfigModule.forRoot(envSchema),
    AppLoggerModule,
    CqrsModule.forRoot(),
    ...uses.map((server) => clients[server]),
    HealthModule.forServers(uses),
    MetricsModule,
  ];
}
