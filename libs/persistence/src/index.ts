export * from './entities/task.entity';
export * from './entities/inbound-message.entity';
export * from './entities/transition.entity';
export * from './entities/timeline-entry.entity';
export * from './entities/outbox-record.entity';
export * from './data-source';
export * from './migrate';
export * from './persistence.module';
