import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import type { CoreEnv } from '@ct/config';
import { safeError, safeErrorFields } from './safe-error';
import { scrubMessage } from './scrub-message';

export const CORRELATION_HEADER = 'x-correlation-id';
const validId = /^[A-Za-z0-9._:-]{1,100}$/;

export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER];
  return typeof given === 'string' && validId.test(given) ? given : randomUUID();
}

/**
 * The pino(-http) options every app logs with. Requests are logged by method, path (no query
 * string: it could carry identifiers) and status; bodies and most headers never. Errors, ours or a
 * library's, go through one allow-list serializer, and every message is scrubbed of quoted values,
 * so no call site has to remember to keep patient identifiers out.
 */
export function loggerOptions(env: Pick<CoreEnv, 'LOG_LEVEL'>): Options {
  return {
    level: env.LOG_LEVEL,
    genReqId: (req, res) => {
      const id = correlationIdOf(req);
      res.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customProps: (req) => ({ correlationId: req.id }),
    // probes and scrapes come every few seconds and say nothing about patients
    autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: safeError,
      error: safeError,
      // pino runs the messageKey serializer on every message, also the one it takes from err.message
      msg: (msg: unknown) => (typeof msg === 'string' ? scrubMessage(msg) : msg),
    },
    formatters: { log: safeErrorFields },
    redact: { paths: ['req.headers', 'res.headers'], remove: true },
  };
}
