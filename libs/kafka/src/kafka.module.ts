import { Global, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type BaseEnv } from '@ct/config';
import { kafkaLogCreator } from './kafka-log';
import { KafkaPublisher } from './kafka-publisher';
import { KAFKA } from './kafka.tokens';

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [APP_ENV, PinoLogger],
      useFactory: (env: BaseEnv, logger: PinoLogger) =>
        new Kafka({
          clientId: env.KAFKA_CLIENT_ID,
          brokers: env.KAFKA_BROKERS,
          connectionTimeout: 3_000,
          requestTimeout: 10_000,
          retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
          logCreator: kafkaLogCreator(logger.logger),
        }),
    },
    KafkaPublisher,
  ],
  exports: [KAFKA, KafkaPublisher],
})
export class KafkaModule {}
