import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_ENV, type BaseEnv } from '@ct/config';

/**
 * Creates and starts one of our Nest apps. Shutdown hooks close Kafka, Temporal and Postgres in
 * order on SIGTERM/SIGINT; `configure` adds app-specific HTTP setup before listening.
 */
export async function startApp(
  module: Type<unknown>,
  options: { port?: number; configure?: (app: INestApplication) => void } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  options.configure?.(app);
  const env = app.get<BaseEnv & { PORT: number }>(APP_ENV);
  await app.listen(options.port ?? env.PORT, env.HTTP_HOST);
  return app;
}

/** Entry point of an app's main.ts: start it, and make sure a hung shutdown still ends the process. */
export function runApp(
  name: string,
  module: Type<unknown>,
  configure?: (app: INestApplication) => void,
): void {
  startApp(module, { configure }).then(
    (app) => {
      const graceMs = app.get<BaseEnv>(APP_ENV).SHUTDOWN_GRACE_MS;
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => setTimeout(() => process.exit(1), graceMs + 1_000).unref());
      }
    },
    (error: unknown) => {
      console.error(`${name} failed to start:`, error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
