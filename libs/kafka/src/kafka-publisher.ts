import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { GroupCommit } from '@ct/batching';
import { KAFKA_PRODUCER, KAFKA_TOPIC_PREFIX } from './kafka.tokens';

export interface OutgoingRecord {
  topic: string;
  key: string;
  value: unknown;
  headers?: Record<string, string>;
}

/**
 * Idempotent producer with acks=all: publish() resolves only once every in-sync replica has the
 * record, which is what lets the gateway ACK a sender. Concurrent publishes share one request.
 * A publish fails in bounded time (PRODUCER_LIMITS in kafka.module.ts) rather than retrying long.
 */
@Injectable()
export class KafkaPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaPublisher.name);
  private producer?: Producer;
  private connecting?: Promise<Producer>;
  private readonly batches = new GroupCommit<OutgoingRecord[], void>(
    async (groups) => {
      await this.send(groups.flat());
      return groups.map(() => undefined);
    },
    { maxBatch: 500, maxInFlight: 2 },
  );

  constructor(
    @Inject(KAFKA_PRODUCER) private readonly kafka: Kafka,
    @Optional() @Inject(KAFKA_TOPIC_PREFIX) private readonly topicPrefix = '',
  ) {}

  publish(records: OutgoingRecord | OutgoingRecord[]): Promise<void> {
    return this.batches.submit(Array.isArray(records) ? records : [records]);
  }

  private async send(records: OutgoingRecord[]): Promise<void> {
    const producer = await this.connected();
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const record of records) byTopic.set(record.topic, [...(byTopic.get(record.topic) ?? []), record]);
    try {
      await producer.sendBatch({
        acks: -1,
        // the broker's wait for the in-sync replicas, below the client's 3 s request timeout
        timeout: 2_500,
        topicMessages: [...byTopic].map(([topic, items]) => ({
          topic: this.topicPrefix + topic,
          messages: items.map((item) => ({
            key: item.key,
            value: JSON.stringify(item.value),
            headers: item.headers,
          })),
        })),
      });
    } catch (error) {
      // a send given up on may still be written: the next batch must not reuse its sequence numbers
      // (the broker would drop it as a duplicate), so it goes out in a new idempotent session
      if (this.forget(producer))
        void producer
          .disconnect()
          .catch((cause: unknown) => this.logger.warn(`producer reset: ${String(cause)}`));
      throw error;
    }
  }

  /** Stops using this producer; false if it was already replaced. */
  private forget(producer: Producer): boolean {
    if (this.producer !== producer) return false;
    this.producer = undefined;
    this.connecting = undefined;
    return true;
  }

  private connected(): Promise<Producer> {
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        // Kafka's ceiling for ordered idempotent sends; never reached: sends per broker go one at a
        // time (kafkajs) and at most two sendBatch calls run at once (the group commit above)
        maxInFlightRequests: 5,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer.on(producer.events.DISCONNECT, () => this.forget(producer));
      await producer.connect();
      this.producer = producer;
      return producer;
    })().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) {
      await producer
        .disconnect()
        .catch((error: unknown) => this.logger.warn(`producer disconnect: ${String(error)}`));
    }
  }
}
