import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from '@temporalio/client';
import type { grpc } from '@temporalio/proto';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA } from '@ct/kafka';
import { TEMPORAL_CONNECTION } from '@ct/temporal';
import { APP_READINESS, APP_SERVERS, type AppReadiness, type Server } from './servers';

// grpc.health.v1 SERVING (the enum's object is @temporalio/proto's, a dependency of the client's only)
const SERVING: grpc.health.v1.HealthCheckResponse.ServingStatus = 1;

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One check per server the app uses; each answers up or down with a reason, within 3 s. Clients
 * are looked up by need: an app that does not use Kafka or Temporal has no client for it.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_SERVERS) private readonly servers: readonly Server[],
  ) {}

  /** The checks `/health/ready` runs, in a stable order. */
  checks(): Array<() => Promise<HealthIndicatorResult>> {
    const own = this.own();
    const servers = this.servers.map((server) => () => this[server]());
    return own ? [...servers, () => Promise.resolve(this.appCheck(own))] : servers;
  }

  private own(): AppReadiness | undefined {
    try {
      return this.client<AppReadiness>(APP_READINESS);
    } catch {
      return undefined; // this app has no condition of its own
    }
  }

  private appCheck(own: AppReadiness): HealthIndicatorResult {
    const check = this.health.check(own.name);
    const state = own.ready();
    return state.up ? check.up() : check.down({ message: state.reason });
  }

  private client<T>(token: unknown): T {
    return this.moduleRef.get<T>(token as string, { strict: false });
  }

  async postgres() {
    const check = this.health.check('postgres');
    try {
      await withTimeout(this.client<DataSource>(DataSource).query('SELECT 1'), 'postgres');
      return check.up();
    } catch (error) {
      return check.down({ message: reason(error) });
    }
  }

  async kafka() {
    const check = this.health.check('kafka');
    const admin = this.client<Kafka>(KAFKA).admin();
    try {
      await withTimeout(admin.connect(), 'kafka');
      const cluster = await withTimeout(admin.describeCluster(), 'kafka');
      return check.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return check.down({ message: reason(error) });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async temporal() {
    const check = this.health.check('temporal');
    try {
      const response = await withTimeout(
        this.client<Connection>(TEMPORAL_CONNECTION).healthService.check({}),
        'temporal',
      );
      return response.status === SERVING
        ? check.up()
        : check.down({ message: `serving status ${response.status}` });
    } catch (error) {
      return check.down({ message: reason(error) });
    }
  }
}
