import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { openApiDocument } from '@ct/observability';
import { API_OPENAPI } from './openapi';

export function setUpSwagger(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app, API_OPENAPI.info));
}
