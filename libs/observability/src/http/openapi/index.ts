export * from './zod-docs.decorators';
export * from './openapi-document';
export * from './committed-document';
