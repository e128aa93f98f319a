import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import type { z } from 'zod';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ZOD_BODY, ZOD_RESPONSES, type ZodBodyDoc, type ZodResponseDoc } from './zod-docs.decorators';

/** What the zod schemas say about one controller method. */
export interface RouteZodDocs {
  /** Nest's default operationId, by which the method is found in the document. */
  operationId: string;
  body?: ZodBodyDoc;
  query?: z.ZodType;
  /** A ZodValidationPipe checks the request: it may answer 400 with the bad fields. */
  validated: boolean;
  responses: ZodResponseDoc[];
}

interface RouteArg {
  pipes?: unknown[];
}

const pipeSchema = (arg: RouteArg | undefined) =>
  arg?.pipes?.find((pipe): pipe is ZodValidationPipe<z.ZodType> => pipe instanceof ZodValidationPipe)?.schema;

/** Reads route metadata: zod schemas in ZodValidationPipes on @Body/@Query, and ApiZodBody/ApiZodResponse. */
export function routeZodDocs(controller: Type<unknown>): RouteZodDocs[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const methods = Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof prototype[name] === 'function',
  );
  return methods.flatMap((name) => {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
      string,
      RouteArg
    >;
    const argOf = (type: RouteParamtypes) =>
      Object.entries(args).find(([key]) => key.split(':')[0] === String(type))?.[1];
    const bodySchema = pipeSchema(argOf(RouteParamtypes.BODY));
    const query = pipeSchema(argOf(RouteParamtypes.QUERY));
    const method = prototype[name] as object;
    const body =
      (Reflect.getMetadata(ZOD_BODY, method) as ZodBodyDoc | undefined) ??
      (bodySchema && { schema: bodySchema, contentTypes: ['application/json'] });
    const responses = (Reflect.getMetadata(ZOD_RESPONSES, method) as ZodResponseDoc[] | undefined) ?? [];
    if (!body && !query && responses.length === 0) return [];
    const validated = Boolean(bodySchema ?? query);
    return [{ operationId: `${controller.name}_${name}`, body, query, validated, responses }];
  });
}
