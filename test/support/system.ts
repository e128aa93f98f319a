import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import { ADT_EVENTS_TOPIC } from '@ct/contracts';
import { startGroupAtEnd } from '@ct/kafka';
import { startApp } from '@ct/observability';
import { AdtGatewayModule } from '../../apps/adt-gateway/src/adt-gateway.module';
import { configureHttp } from '../../apps/adt-gateway/src/configure-http';
import { ApiModule } from '../../apps/api/src/api.module';
import { OrchestratorModule } from '../../apps/orchestrator/src/orchestrator.module';
import { testIssuer } from './auth';
import { testEnv, testTopic } from './test-env';

export interface RunningSystem {
  /** Unique per run: task queue, consumer group and facility keep runs apart on shared servers. */
  runId: string;
  env: Record<string, string>;
  gatewayUrl: string;
  apiUrl: string;
  temporal: Client;
  kafka: Kafka;
  stop(): Promise<void>;
}

/**
 * Gateway, orchestrator and API in this process against the real servers; the worker is left to
 * the test, as a child process it can kill.
 */
export async function startSystem(): Promise<RunningSystem> {
  const runId = randomUUID().slice(0, 8);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: testEnv.databaseUrl,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: testEnv.temporalAddress,
    TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
    TEMPORAL_TASK_QUEUE: `care-transitions-test-${runId}`,
    ORCHESTRATOR_GROUP_ID: `orchestrator-test-${runId}`,
    SHUTDOWN_GRACE_MS: '5000',
    MLLP_PORT: '0',
    PORT: '0',
    KAFKA_TOPIC_PREFIX: testEnv.topicPrefix,
    ...(await testIssuer()).env,
  };
  Object.assign(process.env, env);

  const kafka = new Kafka({
    clientId: `test-${runId}`,
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  // A new group starts at the end of the topic, so earlier runs' events do not replay into this one.
  await startGroupAtEnd(kafka, env.ORCHESTRATOR_GROUP_ID, testTopic(ADT_EVENTS_TOPIC));

  const apps: INestApplication[] = [];
  const gateway = await startApp(AdtGatewayModule, { port: 0, configure: configureHttp });
  apps.push(gateway);
  apps.push(await startApp(OrchestratorModule, { port: 0 }));
  const api = await startApp(ApiModule, { port: 0 });
  apps.push(api);
  const connection = await Connection.connect({ address: testEnv.temporalAddress });
  const temporal = new Client({ connection, namespace: testEnv.temporalNamespace });

  return {
    runId,
    env,
    gatewayUrl: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
    apiUrl: (await api.getUrl()).replace('[::1]', '127.0.0.1'),
    temporal,
    kafka,
    async stop() {
      for (const app of apps.reverse()) await app.close();
      // the run's transitions would otherwise wait on their clocks on the dev server for 30 days
      const query = `TaskQueue = '${env.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'`;
      for await (const run of temporal.workflow.list({ query })) {
        await temporal.workflow
          .getHandle(run.workflowId, run.runId)
          .terminate('test run finished')
          .catch(() => undefined); // already closed
      }
      await connection.close();
    },
  };
}
