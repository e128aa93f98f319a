import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import { ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC } from '@ct/contracts';
import { KAFKA } from '@ct/kafka';
import type { AppReadiness } from '@ct/observability';
import { RecordHandler } from './record-handler';
import { runByKey } from './run-by-key';

/**
 * Reads adt.events.v1 and referral.events.v1 in a consumer group; an offset is committed only after
 * its record was handled or dead-lettered, so a crash replays the event (the workflow dedupes it by
 * event id). A record that can never succeed (bad contract, bad data) or that still fails after
 * ORCHESTRATOR_MAX_ATTEMPTS becomes a dead letter in PostgreSQL with the reason, and the partition
 * goes on. Only an outage (Temporal or PostgreSQL unreachable) holds a partition: the record is
 * fine and waits, retried by kafkajs with backoff.
 *
 * The app listens (live) while the consumer joins its group, which after a SIGKILL waits for the
 * dead member's session to expire (ORCHESTRATOR_SESSION_TIMEOUT_MS); it is ready once joined.
 */
@Injectable()
export class AdtEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown, AppReadiness {
  readonly name = 'consumer';
  private readonly logger = new Logger(AdtEventsConsumer.name);
  private readonly consumer: Consumer;
  private joined = false;
  private waitingFor = 'its first join';
  private running?: Promise<void>;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    private readonly records: RecordHandler,
  ) {
    const sessionTimeout = env.ORCHESTRATOR_SESSION_TIMEOUT_MS;
    this.consumer = kafka.consumer({
      groupId: env.ORCHESTRATOR_GROUP_ID,
      allowAutoTopicCreation: false,
      sessionTimeout,
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
    });
  }

  ready(): { up: true } | { up: false; reason: string } {
    return this.joined ? { up: true } : { up: false, reason: `the consumer waits for ${this.waitingFor}` };
  }

  onApplicationBootstrap(): void {
    const { GROUP_JOIN, REBALANCING, STOP } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => (this.joined = true));
    this.consumer.on(REBALANCING, () => ((this.joined = false), (this.waitingFor = 'a rebalance')));
    this.consumer.on(STOP, () => ((this.joined = false), (this.waitingFor = 'a restart')));
    this.running = this.start().catch((error: unknown) => {
      this.logger.error({ err: error }, 'consumer could not start; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  private async start(): Promise<void> {
    // kafkajs gives up on a consumer after a non-retriable error: exit so the supervisor restarts us
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.logger.error({ err: payload.error }, 'consumer stopped for good; exiting to be restarted');
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    await this.consumer.connect();
    const prefix = this.env.KAFKA_TOPIC_PREFIX;
    await this.consumer.subscribe({
      topics: [prefix + ADT_EVENTS_TOPIC, prefix + REFERRAL_EVENTS_TOPIC],
      fromBeginning: true,
    });
    await this.consumer.run({
      // offsets are resolved below: only the unbroken run of handled messages from a batch's start
      eachBatchAutoResolve: false,
      // partitions are sets of patients: in order within a patient, many patients at once
      partitionsConsumedConcurrently: 6,
      eachBatch: async (payload) => {
        const { topic, partition } = payload.batch;
        // a long batch still beats within the session; a rebalance is reported by the beat below
        const beat = setInterval(() => void payload.heartbeat().catch(() => undefined), 1_000);
        const result = await runByKey(
          payload.batch.messages,
          async (message) => void (await this.records.handle({ topic, partition, message })),
          this.env.ORCHESTRATOR_KEY_CONCURRENCY,
        ).finally(() => clearInterval(beat));
        if (result.doneThrough !== undefined) payload.resolveOffset(result.doneThrough);
        await payload.commitOffsetsIfNecessary();
        await payload.heartbeat();
        // kafkajs retries from the first unhandled message, with backoff
        if ('error' in result) throw result.error;
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // disconnect() waits for the message in hand, then leaves the group so partitions move at once
    await this.consumer.disconnect();
    await this.running;
  }
}
