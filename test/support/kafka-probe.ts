import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { startGroupAtEnd } from '@ct/kafka';

/** Collects what lands on a topic from now on, for assertions on what was (not) published. */
export class TopicProbe {
  /** By partition and offset: a consumer restarted after a broker outage may see a record twice. */
  private readonly records = new Map<string, string>();
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicProbe> {
    const groupId = `probe-${randomUUID()}`;
    await startGroupAtEnd(kafka, groupId, topic);
    const consumer = kafka.consumer({ groupId });
    const probe = new TopicProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ partition, message }) =>
        void probe.records.set(`${partition}:${message.offset}`, message.value?.toString() ?? ''),
    });
    await joined;
    return probe;
  }

  matching(text: string): string[] {
    return [...this.records.values()].filter((value) => value.includes(text));
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
