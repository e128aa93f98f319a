import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_ENV, type CoreEnv } from '@ct/config';
import { loggerOptions } from './logging/logger-options';

/** JSON logs with a correlation id on every line and no patient identifiers (see loggerOptions). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_ENV],
      useFactory: (env: CoreEnv) => ({ pinoHttp: loggerOptions(env) }),
    }),
  ],
})
export class AppLoggerModule {}
