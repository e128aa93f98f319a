export const KAFKA = Symbol('KAFKA');
/** The client KafkaPublisher produces with: same brokers, tighter timeouts and retries (kafka.module.ts). */
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');
/** KAFKA_TOPIC_PREFIX: prepended to every topic the apps publish to or consume. */
export const KAFKA_TOPIC_PREFIX = Symbol('KAFKA_TOPIC_PREFIX');
