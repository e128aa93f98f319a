import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';

/** Collects what lands on a topic from now on, for assertions on what was (not) published. */
export class TopicProbe {
  readonly values: string[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicProbe> {
    const groupId = `probe-${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic, earliest: false });
    await admin.disconnect();
    const consumer = kafka.consumer({ groupId });
    const probe = new TopicProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ message }) => void probe.values.push(message.value?.toString() ?? ''),
    });
    await joined;
    return probe;
  }

  matching(text: string): string[] {
    return this.values.filter((value) => value.includes(text));
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
