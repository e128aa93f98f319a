import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_ENV, type CoreEnv } from '@ct/config';
import { dataSourceOptions, entities } from './data-source';
import { SchemaCheck } from './schema-check';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_ENV],
      useFactory: (env: CoreEnv) =>
        dataSourceOptions(env.DATABASE_URL, 'care-transitions', {
          statementTimeoutMs: env.PG_STATEMENT_TIMEOUT_MS,
          jit: env.PG_JIT,
        }),
    }),
    TypeOrmModule.forFeature(entities),
  ],
  providers: [SchemaCheck],
  exports: [TypeOrmModule],
})
export class PersistenceModule {}
