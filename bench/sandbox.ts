import { Client as PgClient } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ADT_DLQ_TOPIC, ADT_EVENTS_TOPIC, CARE_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC } from '@ct/contracts';
import { migrate } from '@ct/persistence';

/**
 * The bench's own corner of the shared servers: its own database, topics under a prefix, its own
 * consumer group and task queue. Nothing it sends reaches the apps a developer runs on the same
 * servers, and its leftovers (open transitions) are terminated at the end.
 */
export const BENCH_TOPIC_PREFIX = 'bench.';
const TOPICS: [string, number][] = [
  [ADT_EVENTS_TOPIC, 6],
  [REFERRAL_EVENTS_TOPIC, 6],
  [CARE_EVENTS_TOPIC, 6],
  [ADT_DLQ_TOPIC, 1],
];

export function benchDatabaseUrl(): string {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://care:care@127.0.0.1:5432/care_transitions');
  base.pathname = '/care_transitions_bench';
  return base.toString();
}

/** Creates (once) and migrates the bench database, and empties it so each run starts alike. */
export async function prepareDatabase(): Promise<string> {
  const url = benchDatabaseUrl();
  const admin = new PgClient({
    connectionString: process.env.DATABASE_URL ?? url.replace(/\/[^/]+$/, '/postgres'),
  });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `SELECT 1 FROM pg_database WHERE datname = 'care_transitions_bench'`,
    );
    if (!rowCount) await admin.query('CREATE DATABASE care_transitions_bench');
  } finally {
    await admin.end();
  }
  await migrate(url);
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    await db.query('TRUNCATE tasks, transitions, transition_timeline, outbox, inbound_messages');
  } finally {
    await db.end();
  }
  return url;
}

export function kafkaAdmin() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING }).admin();
}

/** The prefixed topics, created like infra/kafka.sh creates the real ones; the group starts at their end. */
export async function prepareTopics(groupId?: string): Promise<void> {
  const admin = kafkaAdmin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = TOPICS.filter(([name]) => !existing.has(BENCH_TOPIC_PREFIX + name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(([name, numPartitions]) => ({
          topic: BENCH_TOPIC_PREFIX + name,
          numPartitions,
          replicationFactor: 1,
        })),
      });
    }
    const consumed = groupId ? [ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC] : [];
    for (const topic of consumed.map((t) => BENCH_TOPIC_PREFIX + t)) {
      // explicit offsets: resetOffsets(earliest: false) commits -1, which a consumer reads as "from the beginning"
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: groupId!,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Terminates the run's transitions (they would wait on their clocks for 30 days otherwise) and
 * waits for that to finish: the terminations load the server, which would skew what runs next.
 */
export async function terminateRun(taskQueue: string): Promise<string> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({ connection });
    const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
    const jobId = `bench-cleanup-${taskQueue}`;
    // the server runs one batch operation at a time: wait for any other to end first
    for (let i = 0; i < 600; i++) {
      const { operationInfo } = await client.workflowService.listBatchOperations({ namespace });
      if (
        !operationInfo?.some(
          (op) => op.state === temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await client.workflowService.startBatchOperation({
      namespace,
      jobId,
      visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      reason: 'benchmark finished',
      terminationOperation: {},
    });
    for (let i = 0; i < 600; i++) {
      const batch = await client.workflowService.describeBatchOperation({ namespace, jobId });
      if (batch.state !== temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING)
        return `terminated ${String(batch.completeOperationCount)} transitions of ${taskQueue}`;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return `still terminating the transitions of ${taskQueue}`;
  } catch (error) {
    return `could not terminate the transitions of ${taskQueue}: ${String(error)}`;
  } finally {
    await connection.close();
  }
}
