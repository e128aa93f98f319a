export const KAFKA = Symbol('KAFKA');
/** KAFKA_TOPIC_PREFIX: prepended to every topic the apps publish to or consume. */
export const KAFKA_TOPIC_PREFIX = Symbol('KAFKA_TOPIC_PREFIX');
