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

/** Records of the topic the group has not committed yet, over all partitions (a new group: all). */
export async function groupLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((lag, p) => {
      const done = at.get(p.partition) ?? -1;
      return lag + Number(p.high) - (done < 0 ? Number(p.low) : done);
    }, 0);
  } finally {
    await admin.disconnect();
  }
}
