import type { INestApplication } from '@nestjs/common';
import { startApp } from '@ct/observability';
import { AdtGatewayModule } from '../../apps/adt-gateway/src/adt-gateway.module';
import { configureHttp } from '../../apps/adt-gateway/src/configure-http';
import { testIssuer } from './auth';
import { testEnv } from './test-env';

/** The gateway alone, in this process, on free ports, against the real Kafka and test database. */
export async function startGateway(
  extraEnv: Record<string, string> = {},
): Promise<{ app: INestApplication; url: string }> {
  Object.assign(process.env, {
    DATABASE_URL: testEnv.databaseUrl,
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    TEMPORAL_ADDRESS: testEnv.temporalAddress,
    LOG_LEVEL: 'error',
    PORT: '0',
    MLLP_PORT: '0',
    KAFKA_TOPIC_PREFIX: testEnv.topicPrefix,
    ...(await testIssuer()).env,
    ...extraEnv,
  });
  const app = await startApp(AdtGatewayModule, { port: 0, configure: configureHttp });
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
