import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RecordHandler } from '../consumer/record-handler';
import { DeadLetterStore, type ReplayRow } from './dead-letter.store';

const POLL_MS = 2_000;
const BATCH = 20;

/**
 * Runs the replays ops ask for (api: POST /api/v1/ops/dead-letters/:id/replay) through the same
 * record handler as the consumer: a replay that fails again is an open dead letter once more,
 * with the new reason. Safe with several replicas (rows are claimed with SKIP LOCKED).
 */
@Injectable()
export class DeadLetterReplayer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadLetterReplayer.name);
  private readonly stop = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly store: DeadLetterStore,
    private readonly records: RecordHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
  }

  /** One pass: every requested replay is tried once. Returns how many were taken. */
  async replayRequested(): Promise<number> {
    const rows = await this.store.claimReplays(BATCH);
    for (const row of rows) await this.replay(row);
    return rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stop.signal.aborted) {
      const taken = await this.replayRequested().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'dead-letter replay pass failed; trying again');
        return 0;
      });
      if (taken < BATCH) await sleep(POLL_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }

  private async replay(row: ReplayRow): Promise<void> {
    const offset = row.source_ref.split('/').pop() ?? '0';
    const message = {
      key: row.key === null ? null : Buffer.from(row.key),
      value: row.value === null ? null : Buffer.from(row.value),
      headers: Object.fromEntries(Object.entries(row.headers).map(([k, v]) => [k, Buffer.from(v)])),
      offset,
      timestamp: String(Date.now()),
      attributes: 0,
    };
    const outcome = await this.records.handle({ topic: row.topic, partition: row.partition, message });
    if (outcome === 'handled') await this.store.markReplayed(row.id);
    this.logger.log({ deadLetterId: row.id, outcome }, 'dead letter replayed');
  }
}
