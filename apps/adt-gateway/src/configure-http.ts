import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { APP_ENV, type GatewayEnv } from '@ct/config';
import { isFhirBody } from './fhir/process-message.http.controller';
import { HL7_MEDIA_TYPES } from './http/hl7.http.controller';

/** The ops routes a browser page (the api's /console) may call from another origin. */
export const CONSOLE_CORS_PATH = '/api/v1/ops/';

/** HL7 arrives as plain text; the limit matches the MLLP frame limit's default. */
export function configureHttp(app: INestApplication): void {
  const http = app as NestExpressApplication;
  http.useBodyParser('text', { type: HL7_MEDIA_TYPES, limit: '1mb' });
  // FHIR JSON as text too (parsed by the handler); registered before Nest's default JSON parser
  http.useBodyParser('text', { type: isFhirBody, limit: '1mb' });
  const origins = new Set(app.get<GatewayEnv>(APP_ENV).CONSOLE_ORIGINS);
  if (origins.size > 0) {
    // bearer tokens, no cookies: CORS only lets the console's origin read the ops answers
    http.enableCors((req: Request, done) => {
      const allowed = req.path.startsWith(CONSOLE_CORS_PATH) && origins.has(req.header('origin') ?? '');
      done(null, {
        origin: allowed,
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type'],
        maxAge: 600,
      });
    });
  }
}
