import type { INestApplication } from '@nestjs/common';
import { startApp } from '@ct/observability';
import { AdtGatewayModule } from '../../apps/adt-gateway/src/adt-gateway.module';
import { configureHttp } from '../../apps/adt-gateway/src/configure-http';
import { Role } from '@ct/auth';
import { authHeaders, testIssuer } from './auth';
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

/** HL7 over HTTP as a hospital feed sends it (role adt-feed); the answer carries the ACK or NAK. */
export async function postHl7(gatewayUrl: string, body: string): Promise<Response> {
  return fetch(`${gatewayUrl}/api/v1/adt/hl7`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...(await authHeaders(Role.Feed)) },
    body,
  });
}
