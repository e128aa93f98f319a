import type { Admin, Kafka } from 'kafkajs';

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

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Records after the group's committed offset (a partition it never committed: all it holds). */
  lag: number;
}

/** Lag of the group on each partition of these topics, with an admin client the caller connected. */
export async function partitionLag(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lags = await Promise.all(
    topics.map(async (topic) => {
      const ends = await admin.fetchTopicOffsets(topic);
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      const at = new Map(done.map((p) => [p.partition, Number(p.offset)]));
      return ends.map(({ partition, high, low }) => {
        const offset = at.get(partition) ?? -1;
        return { topic, partition, lag: Number(high) - (offset < 0 ? Number(low) : offset) };
      });
    }),
  );
  return lags.flat();
}

/** Records of the topic the group has not committed yet, over all partitions (a new group: all). */
export async function groupLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const lags = await partitionLag(admin, groupId, [topic]);
    return lags.reduce((sum, p) => sum + p.lag, 0);
  } finally {
    await admin.disconnect();
  }
}
