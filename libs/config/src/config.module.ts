import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { z } from 'zod';
import { validateEnv } from './validate-env';

export const APP_ENV = Symbol('APP_ENV');

/** Validates the environment once at boot and provides the typed result as APP_ENV. */
@Module({})
export class AppConfigModule {
  static forRoot<S extends z.ZodType<Record<string, unknown>>>(schema: S): DynamicModule {
    let env: z.infer<S> | undefined;
    return {
      module: AppConfigModule,
      global: true,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, validate: (raw) => (env = validateEnv(schema, raw)) })],
      providers: [{ provide: APP_ENV, useFactory: () => env ?? validateEnv(schema, process.env) }],
      exports: [APP_ENV],
    };
  }
}
