import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_ENV, type ApiEnv } from '@ct/config';
import { parseTaskChange, TASK_CHANGES_CHANNEL } from './task-change';
import { TaskStreamHub } from './task-stream.hub';

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * One dedicated PostgreSQL connection per api process that LISTENs to task changes and hands
 * them to the hub. NOTIFY is not durable: after a lost connection the hub tells every stream to
 * re-read its list (reset), then listening goes on.
 */
@Injectable()
export class TaskChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskChangeListener.name);
  private client?: Client;
  private stopping = false;
  private failures = 0;
  private listening?: Promise<void>;

  constructor(
    @Inject(APP_ENV) private readonly env: Pick<ApiEnv, 'DATABASE_URL'>,
    private readonly hub: TaskStreamHub,
  ) {}

  /** Resolves once LISTEN is in place (the first time), so a change right after boot is streamed. */
  onApplicationBootstrap(): Promise<void> {
    this.listening = this.listen();
    return this.listening;
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.env.DATABASE_URL,
      application_name: 'care-transitions-task-stream',
      keepAlive: true,
      connectionTimeoutMillis: 2_000,
    });
    client.on('notification', ({ channel, payload }) => {
      if (channel !== TASK_CHANGES_CHANNEL) return;
      const change = parseTaskChange(payload);
      if (change) this.hub.publish(change);
    });
    client.on('error', () => undefined); // 'end' follows and reconnects
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${TASK_CHANGES_CHANNEL}`);
      this.client = client;
      if (this.failures > 0) this.hub.reset();
      this.failures = 0;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.retryLater(error);
    }
  }

  private lost(client: Client): void {
    if (this.stopping || this.client !== client) return;
    this.client = undefined;
    this.retryLater(new Error('connection ended'));
  }

  private retryLater(error: unknown): void {
    if (this.stopping) return;
    const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
    this.failures += 1;
    this.logger.warn({ failures: this.failures, retryInMs: wait }, `task change listener: ${String(error)}`);
    setTimeout(() => void this.listen(), wait).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }
}
