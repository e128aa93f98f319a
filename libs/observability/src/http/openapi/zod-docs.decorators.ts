import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';

export const ZOD_BODY = 'ct:zod-body';
export const ZOD_RESPONSES = 'ct:zod-responses';

export interface ZodBodyDoc {
  schema: z.ZodType;
  contentTypes: string[];
}

export interface ZodResponseDoc {
  status: number;
  schema: z.ZodType;
  description: string;
  contentType: string;
}

/**
 * Documents a request body that a handler checks with a zod schema itself (a body checked by
 * ZodValidationPipe is found without this).
 */
export function ApiZodBody(schema: z.ZodType, contentTypes = ['application/json']): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(
      ZOD_BODY,
      { schema, contentTypes } satisfies ZodBodyDoc,
      descriptor.value as object,
    );
    return descriptor;
  };
}

/** Documents one response of an endpoint with the zod schema of what it answers. */
export function ApiZodResponse(
  status: number,
  schema: z.ZodType,
  description: string,
  contentType = 'application/json',
): MethodDecorator {
  const record: MethodDecorator = (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const list = (Reflect.getMetadata(ZOD_RESPONSES, method) as ZodResponseDoc[] | undefined) ?? [];
    Reflect.defineMetadata(ZOD_RESPONSES, [...list, { status, schema, description, contentType }], method);
    return descriptor;
  };
  // ApiResponse too: a declared response replaces Nest's guessed default status
  return applyDecorators(ApiResponse({ status, description }), record);
}
