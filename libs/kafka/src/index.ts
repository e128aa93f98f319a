export * from './kafka.tokens';
export * from './kafka-publisher';
export * from './kafka.module';
export * from './kafka-log';
export * from './group-offsets';
export * from './prefixed-topics';
