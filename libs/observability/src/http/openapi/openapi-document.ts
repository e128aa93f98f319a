import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { addZodSchemas } from './add-zod-schemas';

export interface DocumentInfo {
  title: string;
  description: string;
}

function controllersOf(app: INestApplication): Type<unknown>[] {
  const modules = [...app.get(ModulesContainer).values()];
  return modules.flatMap((module) =>
    [...module.controllers.values()].map((c) => c.metatype as Type<unknown>),
  );
}

/** The OpenAPI document of an app: Nest's routes and decorators, with the zod schemas filled in. */
export function openApiDocument(app: INestApplication, info: DocumentInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  return addZodSchemas(SwaggerModule.createDocument(app, config), controllersOf(app));
}

/**
 * The same document without servers: a preview app builds the module graph but creates no
 * provider, so nothing reads the environment or connects to Postgres, Kafka or Temporal.
 */
export async function previewOpenApiDocument(
  module: Type<unknown>,
  info: DocumentInfo,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app, info);
  } finally {
    await app.close();
  }
}
