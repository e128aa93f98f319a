/** Kafka headers every record of ours carries; values are ids, never patient data. */
export const HEADER_CORRELATION_ID = 'correlation-id';
export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_SCHEMA = 'schema';
