import { Global, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type BaseEnv } from '@ct/config';
import { kafkaLogCreator } from './kafka-log';
import { KafkaPublisher } from './kafka-publisher';
import { KAFKA, KAFKA_TOPIC_PREFIX } from './kafka.tokens';

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
    { provide: KAFKA_TOPIC_PREFIX, inject: [APP_ENV], useFactory: (env: BaseEnv) => env.KAFKA_TOPIC_PREFIX },
    KafkaPublisher,
  ],
  exports: [KAFKA, KAFKA_TOPIC_PREFIX, KafkaPublisher],
})
export class KafkaModule {}
