import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HL7_MEDIA_TYPES } from './http/hl7.http.controller';

/** HL7 arrives as plain text; the limit matches the MLLP frame limit's default. */
export function configureHttp(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('text', { type: HL7_MEDIA_TYPES, limit: '1mb' });
}
