import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV, type WorkerEnv } from '@ct/config';
import { CARE_EVENTS_TOPIC } from '@ct/contracts';
import { WebhookMetrics } from './webhook.metrics';
import { WebhookSender } from './webhook-sender';

const IDLE_MS = 500;
// tries still in flight at shutdown get this long; an unfinished one is made again when its lease ends
const DRAIN_MS = 3_000;
const MAX_BACKOFF_MS = 10_000;

/** Runs the webhook sender for the worker's lifetime: claims while slots are free, naps when nothing is due. */
@Injectable()
export class WebhookSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookSenderService.name);
  readonly sender: WebhookSender;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() db: DataSource,
    @Inject(APP_ENV) private readonly env: WorkerEnv,
    metrics: WebhookMetrics,
  ) {
    this.sender = new WebhookSender(
      db,
      {
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
        baseMs: env.WEBHOOK_RETRY_BASE_MS,
        maxMs: env.WEBHOOK_RETRY_MAX_MS,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
        concurrency: env.WEBHOOK_CONCURRENCY,
        topic: env.KAFKA_TOPIC_PREFIX + CARE_EVENTS_TOPIC,
      },
      metrics,
    );
  }

  onApplicationBootstrap(): void {
    if (this.env.WEBHOOKS_ENABLED) this.loop = this.run();
  }

  /** New deliveries were planned: look now rather than at the end of the nap. */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let wait = IDLE_MS;
      try {
        const started = this.sender.free > 0 ? await this.sender.startDue() : 0;
        failures = 0;
        if (started > 0 && this.sender.free > 0) continue;
      } catch (error) {
        failures += 1;
        wait = Math.min(IDLE_MS * 2 ** failures, MAX_BACKOFF_MS);
        this.logger.warn({ failures, retryInMs: wait }, `webhook sender failed: ${String(error)}`);
      }
      await this.nap(wait);
    }
    await Promise.race([
      this.sender.drain(),
      new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
    ]);
  }

  // wakes early when a try ends (a slot is free) or new deliveries were planned
  private nap(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      if (this.sender.free === 0) void this.sender.oneDone().then(done);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }
}
