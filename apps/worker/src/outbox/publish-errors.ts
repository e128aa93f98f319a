/**
 * An outage (broker unreachable, leader moving, request timed out): every record would fail the
 * same way, so the relay waits and retries. Anything else is about the records themselves.
 */
export function isTransientPublishError(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth += 1) {
    const { name, type, retriable, originalError, cause } = e as {
      name?: string;
      type?: string;
      retriable?: boolean;
      originalError?: unknown;
      cause?: unknown;
    };
    // topics are never created on the fly: one still unknown after kafkajs's retries is this record's
    if (type === 'UNKNOWN_TOPIC_OR_PARTITION') return false;
    if (retriable === true) return true;
    if (name === 'KafkaJSConnectionError' || name === 'KafkaJSRequestTimeoutError') return true;
    if (name === 'KafkaJSBrokerNotFound' || name === 'KafkaJSLockTimeout') return true;
    e = originalError ?? cause;
  }
  return false;
}
