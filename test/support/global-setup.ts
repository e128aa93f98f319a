import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS } from '../../libs/contracts/src/topics';
import { ensurePrefixedTopics } from '../../libs/kafka/src/prefixed-topics';
import { migrate } from '../../libs/persistence/src/migrate';
import { assertTestDatabase, testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  assertTestDatabase(testEnv.databaseUrl);
  await migrate(testEnv.databaseUrl);
  const kafka = new Kafka({
    clientId: 'test-setup',
    brokers: testEnv.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  await ensurePrefixedTopics(kafka, testEnv.topicPrefix, ALL_TOPICS);
}
