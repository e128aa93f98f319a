import { DynamicModule, Module } from '@nestjs/common';
import type { z } from 'zod';
import { validateEnv } from './validate-env';

export const APP_ENV = Symbol('APP_ENV');

/**
 * Validates the environment when the app boots (at dependency injection, so nothing is read at
 * import time) and provides the typed result as APP_ENV. A bad variable stops the boot, named.
 */
@Module({})
export class AppConfigModule {
  static forRoot<S extends z.ZodType<Record<string, unknown>>>(schema: S): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: APP_ENV, useFactory: () => validateEnv(schema, process.env) }],
      exports: [APP_ENV],
    };
  }
}
