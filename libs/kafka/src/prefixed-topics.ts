import type { Kafka } from 'kafkajs';

/**
 * Creates (once) PREFIX + each of TOPICS (ALL_TOPICS of @ct/contracts), with as many partitions as the real one that
 * infra/kafka.sh made: a second stack (tests, a benchmark) on the same broker, kept apart.
 */
export async function ensurePrefixedTopics(
  kafka: Kafka,
  prefix: string,
  topics: readonly string[],
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((name) => !existing.has(prefix + name));
    if (!missing.length) return;
    const metadata = await admin.fetchTopicMetadata({ topics: missing });
    await admin.createTopics({
      waitForLeaders: true,
      topics: metadata.topics.map(({ name, partitions }) => ({
        topic: prefix + name,
        numPartitions: partitions.length,
        replicationFactor: 1,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
