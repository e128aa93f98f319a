import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KafkaPublisher } from '@ct/kafka';
import { OutboxRelay } from './outbox-relay';

const IDLE_MS = 200;
const MAX_BACKOFF_MS = 10_000;

/** Runs the outbox relay for the worker's lifetime: drains while there is work, naps when idle. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly relay: OutboxRelay;
  private stopping = false;
  private loop?: Promise<void>;

  constructor(@InjectDataSource() db: DataSource, publisher: KafkaPublisher) {
    this.relay = new OutboxRelay(db, publisher);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let wait = IDLE_MS;
      try {
        const sent = await this.relay.relayOnce();
        failures = 0;
        if (sent > 0) continue;
      } catch (error) {
        failures += 1;
        wait = Math.min(IDLE_MS * 2 ** failures, MAX_BACKOFF_MS);
        this.logger.warn({ failures, retryInMs: wait }, `outbox relay failed: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }
}
