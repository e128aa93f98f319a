import type { OpenApiTarget } from '@ct/observability';
import { ApiModule } from './api.module';

/** The API's document, served at /api/docs and committed as docs/openapi/api.json. */
export const API_OPENAPI: OpenApiTarget = {
  file: 'docs/openapi/api.json',
  module: ApiModule,
  info: {
    title: 'care-transitions API',
    description: 'Worklists and task completion for care coordinators; dashboards for operations.',
  },
};
