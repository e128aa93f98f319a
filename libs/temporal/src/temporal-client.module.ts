import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_ENV, type TemporalEnv } from '@ct/config';
import { TEMPORAL_CONNECTION } from './temporal.tokens';

/** A lazy connection: an app boots (and reports not-ready) while Temporal is still starting. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [APP_ENV],
      useFactory: (env: TemporalEnv) =>
        Connection.lazy({ address: env.TEMPORAL_ADDRESS, connectTimeout: 5_000 }),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, APP_ENV],
      useFactory: (connection: Connection, env: TemporalEnv) =>
        new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
    },
  ],
  exports: [TEMPORAL_CONNECTION, Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
