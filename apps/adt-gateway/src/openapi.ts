import type { OpenApiTarget } from '@ct/observability';
import { AdtGatewayModule } from './adt-gateway.module';

/** The gateway's HTTP document, committed as docs/openapi/adt-gateway.json (MLLP is not HTTP). */
export const GATEWAY_OPENAPI: OpenApiTarget = {
  file: 'docs/openapi/adt-gateway.json',
  module: AdtGatewayModule,
  info: {
    title: 'care-transitions ADT gateway',
    description: 'HL7 v2 and FHIR notification messages from feeds; the quarantine for operations.',
  },
};
