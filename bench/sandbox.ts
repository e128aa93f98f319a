import { Client as PgClient } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ADT_EVENTS_TOPIC, ALL_TOPICS, REFERRAL_EVENTS_TOPIC } from '@ct/contracts';
import { ensurePrefixedTopics, startGroupAtEnd } from '@ct/kafka';
import { migrate } from '@ct/persistence';

/**
 * The bench's own corner of the shared servers: its own database, topics under a prefix, its own
 * consumer group and task queue. Nothing it sends reaches the apps a developer runs on the same
 * servers, and its leftovers (open transitions) are terminated at the end.
 */
export const BENCH_TOPIC_PREFIX = 'bench.';
const BENCH_DATABASE = 'care_transitions_bench';

function mainDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://care:care@127.0.0.1:5432/care_transitions';
}

/**
 * Creates (once) and migrates a bench database (default `care_transitions_bench`) on the server of
 * DATABASE_URL, as infra/postgres.sh creates the dev and test ones; its URL.
 */
export async function ensureBenchDatabase(name = BENCH_DATABASE): Promise<string> {
  const url = new URL(mainDatabaseUrl());
  url.pathname = `/${name}`;
  const admin = new PgClient({ connectionString: mainDatabaseUrl() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  await migrate(url.toString());
  return url.toString();
}

/** Creates (once) and migrates the bench database, and empties it so each run starts alike. */
export async function prepareDatabase(): Promise<string> {
  const url = await ensureBenchDatabase();
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    await db.query('TRUNCATE tasks, transitions, transition_timeline, outbox, inbound_messages');
  } finally {
    await db.end();
  }
  return url;
}

function benchKafka(): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
}

/**
 * The prefixed topics, with as many partitions as the real ones infra/kafka.sh made; a group, if
 * given, starts at the end of the topics the orchestrator consumes.
 */
export async function prepareTopics(groupId?: string): Promise<void> {
  const kafka = benchKafka();
  await ensurePrefixedTopics(kafka, BENCH_TOPIC_PREFIX, ALL_TOPICS);
  if (!groupId) return;
  for (const topic of [ADT_EVENTS_TOPIC, REFERRAL_EVENTS_TOPIC])
    await startGroupAtEnd(kafka, groupId, BENCH_TOPIC_PREFIX + topic);
}

const BATCH_RUNNING = temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING;
const second = () => new Promise((resolve) => setTimeout(resolve, 1000));

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
      if (!operationInfo?.some((op) => op.state === BATCH_RUNNING)) break;
      await second();
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
      if (batch.state !== BATCH_RUNNING)
        return `terminated ${String(batch.completeOperationCount)} transitions of ${taskQueue}`;
      await second();
    }
    return `still terminating the transitions of ${taskQueue}`;
  } catch (error) {
    return `could not terminate the transitions of ${taskQueue}: ${String(error)}`;
  } finally {
    await connection.close();
  }
}
