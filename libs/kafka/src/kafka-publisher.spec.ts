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

  it('sends the next batch after a failed one in a new idempotent session, and closes the old one', async () => {
    const sessions: { disconnected: boolean; sendBatch: jest.Mock }[] = [];
    const kafka = {
      producer: () => {
        const session = {
          disconnected: false,
          events: { DISCONNECT: 'producer.disconnect' },
          on: () => undefined,
          connect: async () => undefined,
          disconnect: async () => void (session.disconnected = true),
          sendBatch: jest.fn(async () =>
            sessions.length === 1 ? Promise.reject(new Error('timed out')) : [],
          ),
        };
        sessions.push(session);
        return session;
      },
    } as unknown as Kafka;
    const publisher = new KafkaPublisher(kafka);
    await expect(publisher.publish({ topic: 't', key: 'a', value: {} })).rejects.toThrow('timed out');
    await publisher.publish({ topic: 't', key: 'b', value: {} });
    expect(sessions).toHaveLength(2);
    expect(sessions[0].disconnected).toBe(true);
    expect(sessions[1].sendBatch).toHaveBeenCalledTimes(1);
    await publisher.publish({ topic: 't', key: 'c', value: {} });
    expect(sessions).toHaveLength(2); // a session that works is kept
  });
});
