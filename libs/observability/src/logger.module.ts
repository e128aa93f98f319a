import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_ENV, type BaseEnv } from '@ct/config';

export const CORRELATION_HEADER = 'x-correlation-id';
const validId = /^[A-Za-z0-9._:-]{1,100}$/;

export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && validId.test(given) ? given : randomUUID();
}

/**
 * JSON logs with a correlation id on every line. Requests are logged by method, path (no query
 * string: it could carry identifiers) and status; bodies and most headers never.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_ENV],
      useFactory: (env: BaseEnv) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          genReqId: (req, res) => {
            const id = correlationIdOf(req);
            res.setHeader(CORRELATION_HEADER, id);
            return id;
          },
          customProps: (req) => ({ correlationId: req.id }),
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          serializers: {
            req: (req: { method: string; url: string }) => ({
              method: req.method,
              path: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          redact: { paths: ['req.headers', 'res.headers'], remove: true },
        },
      }),
    }),
  ],
})
export class AppLoggerModule {}
