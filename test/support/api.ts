import { randomUUID } from 'node:crypto';
import { startApp } from '@ct/observability';
import { ApiModule } from '../../apps/api/src/api.module';
import { testIssuer } from './auth';
import { testEnv } from './test-env';

export interface RunningApi {
  /** Unique per run: a test names its facility, senders and ids after it. */
  runId: string;
  url: string;
  stop(): Promise<void>;
}

/**
 * The api alone, in this process, on the test database: for tests that seed the read models.
 * `port` 0 (the default) lets the OS pick; `env` adds or overrides variables (CONSOLE_*).
 */
export async function startApi(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<RunningApi> {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: testEnv.databaseUrl,
    TEMPORAL_ADDRESS: testEnv.temporalAddress,
    TEMPORAL_NAMESPACE: testEnv.temporalNamespace,
    FACILITY_TIME_ZONE: 'America/New_York',
    PORT: '0',
    ...(await testIssuer()).env,
    ...options.env,
  });
  const api = await startApp(ApiModule, { port: options.port ?? 0 });
  return {
    runId: randomUUID().slice(0, 8),
    url: (await api.getUrl()).replace('[::1]', '127.0.0.1'),
    stop: () => api.close(),
  };
}
