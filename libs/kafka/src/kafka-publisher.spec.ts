import type { Kafka } from 'kafkajs';
import { KafkaPublisher } from './kafka-publisher';

function fakeKafka() {
  const sent: { topic: string; keys: string[] }[] = [];
  const producer = {
    events: { DISCONNECT: 'producer.disconnect' },
    on: () => undefined,
    connect: async () => undefined,
    disconnect: async () => undefined,
    sendBatch: async ({
      topicMessages,
    }: {
      topicMessages: { topic: string; messages: { key: string }[] }[];
    }) => {
      for (const t of topicMessages) sent.push({ topic: t.topic, keys: t.messages.map((m) => m.key) });
      return [];
    },
  };
  return { kafka: { producer: () => producer } as unknown as Kafka, sent };
}

describe('KafkaPublisher', () => {
  it('publishes to the topic as named when there is no prefix', async () => {
    const { kafka, sent } = fakeKafka();
    await new KafkaPublisher(kafka).publish({ topic: 'care.events.v1', key: 'k1', value: {} });
    expect(sent).toEqual([{ topic: 'care.events.v1', keys: ['k1'] }]);
  });

  it('puts KAFKA_TOPIC_PREFIX before every topic', async () => {
    const { kafka, sent } = fakeKafka();
    const publisher = new KafkaPublisher(kafka, 'bench.');
    await publisher.publish([
      { topic: 'adt.events.v1', key: 'a', value: {} },
      { topic: 'adt.dlq.v1', key: 'b', value: {} },
    ]);
    expect(sent.map((s) => s.topic).sort()).toEqual(['bench.adt.dlq.v1', 'bench.adt.events.v1']);
  });
});
