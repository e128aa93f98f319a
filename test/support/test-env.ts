// Where the integration tests find the real servers that infra/up.sh started.
export const testEnv = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://care:care@127.0.0.1:5432/care_transitions_test',
  kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  /** Tests publish and consume `test.*` topics, so apps a developer runs never see test events. */
  topicPrefix: 'test.',
};

/** The test copy of one of our topics. */
export const testTopic = (name: string): string => testEnv.topicPrefix + name;

/** Guard rail: tests truncate tables, so they refuse any database whose name does not say test. */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/test/i.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
  }
}
