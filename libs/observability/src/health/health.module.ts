import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';
import { APP_SERVERS, type Server } from './servers';

@Module({})
export class HealthModule {
  /** `/health/ready` checks these servers, each within 3 s. */
  static forServers(servers: readonly Server[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false, gracefulShutdownTimeoutMs: 0 })],
      controllers: [HealthController],
      providers: [{ provide: APP_SERVERS, useValue: servers }, ReadinessIndicators],
    };
  }
}
