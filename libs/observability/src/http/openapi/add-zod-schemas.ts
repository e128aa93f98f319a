import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Type } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { problemDetailsSchema } from '../problem-details.schema';
import { routeZodDocs, type RouteZodDocs } from './route-zod-docs';

type Method = RouteConfig['method'];
type Query = NonNullable<RouteConfig['request']>['query'];
interface Located {
  path: string;
  method: Method;
  operation: OperationObject;
}

function operationsById(document: OpenAPIObject): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item as Record<string, OperationObject>))
      if (operation.operationId)
        found.set(operation.operationId, { path, method: method as Method, operation });
  return found;
}

/** z.coerce.number() takes null, so zod-to-openapi calls it nullable; a query string has no null. */
function withoutNullable(parameter: ParameterObject): ParameterObject {
  if (!parameter.schema || !('nullable' in parameter.schema)) return parameter;
  const { nullable: _nullable, ...schema } = parameter.schema;
  return { ...parameter, schema };
}

function routeConfig({ path, method }: Located, docs: RouteZodDocs): RouteConfig {
  const content = (types: string[], schema: RouteZodDocs['responses'][number]['schema']) =>
    Object.fromEntries(types.map((type) => [type, { schema }]));
  const responses: RouteConfig['responses'] = {};
  for (const r of docs.responses)
    responses[r.status] = { description: r.description, content: content([r.contentType], r.schema) };
  if (docs.validated)
    responses[400] = {
      description: 'Invalid request: each bad field, with why',
      content: content(['application/problem+json'], problemDetailsSchema),
    };
  const body = docs.body && { required: true, content: content(docs.body.contentTypes, docs.body.schema) };
  return { path, method, request: { body, query: docs.query as Query }, responses };
}

/**
 * Fills in what @nestjs/swagger cannot see in a document built from these controllers: request
 * bodies and query parameters from the zod schemas their ZodValidationPipes check, and the
 * ApiZodBody/ApiZodResponse schemas. The schemas are rendered by zod-to-openapi.
 */
export function addZodSchemas(document: OpenAPIObject, controllers: Type<unknown>[]): OpenAPIObject {
  const operations = operationsById(document);
  const registry = new OpenAPIRegistry();
  const targets: Located[] = [];
  for (const docs of controllers.flatMap(routeZodDocs)) {
    const located = operations.get(docs.operationId);
    if (!located) throw new Error(`OpenAPI: no operation ${docs.operationId} in the document`);
    registry.registerPath(routeConfig(located, docs));
    targets.push(located);
  }
  const { title, version } = document.info;
  // openapi3-ts's types and @nestjs/swagger's describe the same JSON
  const zod = new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: document.openapi,
    info: { title, version },
  }) as unknown as OpenAPIObject;
  for (const { path, method, operation } of targets) {
    const generated = (zod.paths[path] as Record<string, OperationObject>)[method];
    const query = ((generated.parameters ?? []) as ParameterObject[]).map(withoutNullable);
    operation.parameters = [...(operation.parameters ?? []), ...query];
    if (generated.requestBody) operation.requestBody = generated.requestBody;
    for (const [status, response] of Object.entries(generated.responses))
      operation.responses[status] = { ...(operation.responses[status] as ResponseObject), ...response };
  }
  const schemas = { ...document.components?.schemas, ...zod.components?.schemas };
  return { ...document, components: { ...document.components, schemas } };
}
