import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isFhirBody } from './fhir/process-message.http.controller';
import { HL7_MEDIA_TYPES } from './http/hl7.http.controller';

/** HL7 arrives as plain text; the limit matches the MLLP frame limit's default. */
export function configureHttp(app: INestApplication): void {
  const http = app as NestExpressApplication;
  http.useBodyParser('text', { type: HL7_MEDIA_TYPES, limit: '1mb' });
  // FHIR JSON as text too (parsed by the handler); registered before Nest's default JSON parser
  http.useBodyParser('text', { type: isFhirBody, limit: '1mb' });
}
