import { Global, Module } from '@nestjs/common';
import { Kafka, type KafkaConfig } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { APP_ENV, type KafkaEnv } from '@ct/config';
import { kafkaLogCreator } from './kafka-log';
import { KafkaPublisher } from './kafka-publisher';
import { KAFKA, KAFKA_PRODUCER, KAFKA_TOPIC_PREFIX } from './kafka.tokens';

type Limits = Pick<KafkaConfig, 'connectionTimeout' | 'requestTimeout' | 'retry'>;

/**
 * A publish fails in bounded time, so the caller answers a NAK and the sender resends (the sender
 * is the retry loop): well under 1 s with the broker down, ~6.5 s at most with it hung (2 × 3 s).
 */
export const PRODUCER_LIMITS: Limits = {
  // a broker that has not accepted within 1 s counts as down (a stopped one refuses at once)
  connectionTimeout: 1_000,
  // above the produce ack timeout (2.5 s, kafka-publisher.ts): a slow broker's own timeout answers first
  requestTimeout: 3_000,
  // one retry (a moved leader, fresh metadata), then fail, instead of 5 with backoff up to 5 s each
  retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1_000 },
};

const client = (env: KafkaEnv, logger: PinoLogger, limits: Limits) =>
  new Kafka({
    clientId: env.KAFKA_CLIENT_ID,
    brokers: env.KAFKA_BROKERS,
    logCreator: kafkaLogCreator(logger.logger),
    ...limits,
  });

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [APP_ENV, PinoLogger],
      useFactory: (env: KafkaEnv, logger: PinoLogger) =>
        client(env, logger, {
          connectionTimeout: 3_000,
          requestTimeout: 10_000,
          retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000 },
        }),
    },
    {
      provide: KAFKA_PRODUCER,
      inject: [APP_ENV, PinoLogger],
      useFactory: (env: KafkaEnv, logger: PinoLogger) => client(env, logger, PRODUCER_LIMITS),
    },
    { provide: KAFKA_TOPIC_PREFIX, inject: [APP_ENV], useFactory: (env: KafkaEnv) => env.KAFKA_TOPIC_PREFIX },
    KafkaPublisher,
  ],
  exports: [KAFKA, KAFKA_TOPIC_PREFIX, KafkaPublisher],
})
export class KafkaModule {}
