import type { Kafka } from 'kafkajs';

/**
 * Commits the topic's current end offsets for a new group, so it reads only what comes next.
 * (kafkajs' resetOffsets to latest stores -1, which a consumer reads as "use fromBeginning".)
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
  } finally {
    await admin.disconnect();
  }
}
