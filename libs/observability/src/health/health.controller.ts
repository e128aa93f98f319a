import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '@ct/auth';
import { ReadinessIndicators } from './readiness.indicators';

/** Probes for the orchestrator of processes (no token: they say nothing about patients). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: ReadinessIndicators,
  ) {}

  /** The process is up and its event loop turns; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to do work: every server this app uses answers. 503 with each reason otherwise. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.indicators.checks());
  }
}
