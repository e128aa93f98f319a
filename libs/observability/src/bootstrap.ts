import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_ENV, type CoreEnv } from '@ct/config';
import { scrubMessage } from './logging/scrub-message';

// these lines go to stderr, past pino, so they get the same scrubbing
const reasonOf = (error: unknown) => scrubMessage(error instanceof Error ? error.message : String(error));

/** Creates and starts one of our Nest apps; `configure` adds app-specific HTTP setup first. */
export async function startApp(
  module: Type<unknown>,
  options: { port?: number; configure?: (app: INestApplication) => void } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  options.configure?.(app);
  const env = app.get<CoreEnv & { PORT: number }>(APP_ENV);
  await app.listen(options.port ?? env.PORT, env.HTTP_HOST);
  return app;
}

/**
 * Entry point of an app's main.ts. On SIGTERM/SIGINT, app.close() runs the shutdown hooks in
 * order (stop taking work, finish what is in flight, close Kafka, Temporal, Postgres), then the
 * process exits 0; a shutdown that outlives SHUTDOWN_GRACE_MS exits 1.
 */
export function runApp(
  name: string,
  module: Type<unknown>,
  configure?: (app: INestApplication) => void,
): void {
  startApp(module, { configure }).then(
    (app) => {
      const graceMs = app.get<CoreEnv>(APP_ENV).SHUTDOWN_GRACE_MS;
      const shutdown = () => {
        setTimeout(() => process.exit(1), graceMs + 1_000).unref();
        app.close().then(
          // a part that stopped for good set exitCode, so the supervisor restarts the app
          () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0),
          (error: unknown) => {
            console.error(`${name} shutdown failed:`, reasonOf(error));
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    },
    (error: unknown) => {
      console.error(`${name} failed to start:`, reasonOf(error));
      process.exit(1);
    },
  );
}
