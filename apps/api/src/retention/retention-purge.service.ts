import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { MetricsRegistry } from '@ct/observability';
import { purgeExpired, type PurgeResult } from './purge-expired';

type Env = Pick<
  ApiEnv,
  'ACCESS_LOG_RETENTION_DAYS' | 'PATIENT_CONTEXT_RETENTION_DAYS' | 'RETENTION_PURGE_INTERVAL_MS'
>;

/** Runs the retention purge every RETENTION_PURGE_INTERVAL_MS (and once at boot); counts only in logs and metrics. */
@Injectable()
export class RetentionPurgeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionPurgeService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private readonly purged: Counter<'table'>;
  private readonly runs: Counter<'outcome'>;
  private readonly lastRun: Gauge;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: Env,
    registry: MetricsRegistry,
  ) {
    this.purged = new Counter({
      name: 'ct_retention_purged_rows_total',
      help: 'Rows deleted by the retention purge, by table (access_log, patient_contexts)',
      labelNames: ['table'],
      registers: [registry],
    });
    this.runs = new Counter({
      name: 'ct_retention_purge_runs_total',
      help: 'Retention purge runs by outcome: purged, skipped (another instance held the lock), failed',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.lastRun = new Gauge({
      name: 'ct_retention_purge_last_run_timestamp_seconds',
      help: 'When this instance last finished a retention purge (Unix time); 0 until it has',
      registers: [registry],
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.env.RETENTION_PURGE_INTERVAL_MS);
    this.timer.unref();
    void this.runOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One purge; a run still going when the next is due is not doubled. */
  async runOnce(): Promise<PurgeResult | undefined> {
    if (this.running) return undefined;
    const work = this.purge();
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = undefined;
    }
  }

  private async purge(): Promise<PurgeResult | undefined> {
    try {
      const result = await purgeExpired(this.db, {
        accessLogDays: this.env.ACCESS_LOG_RETENTION_DAYS,
        patientContextDays: this.env.PATIENT_CONTEXT_RETENTION_DAYS,
      });
      this.runs.inc({ outcome: result.outcome });
      if (result.outcome === 'purged') {
        this.purged.inc({ table: 'access_log' }, result.accessLog);
        this.purged.inc({ table: 'patient_contexts' }, result.patientContexts);
        this.lastRun.set(Date.now() / 1000);
        this.logger.log(
          { accessLog: result.accessLog, patientContexts: result.patientContexts },
          'retention purge done',
        );
      }
      return result;
    } catch (error) {
      this.runs.inc({ outcome: 'failed' });
      this.logger.warn({ err: String(error) }, 'retention purge failed; next run retries');
      return undefined;
    }
  }
}
