import { DataSource, type DataSourceOptions } from 'typeorm';
import { InboundMessageEntity } from './entities/inbound-message.entity';
import { OutboxRecordEntity } from './entities/outbox-record.entity';
import { TaskEntity } from './entities/task.entity';
import { TimelineEntryEntity } from './entities/timeline-entry.entity';
import { TransitionEntity } from './entities/transition.entity';
import { Init1763870000000 } from './migrations/1763870000000-init';
import { TimelineOutbox1763900000000 } from './migrations/1763900000000-timeline-outbox';

export const entities = [
  TaskEntity,
  InboundMessageEntity,
  TransitionEntity,
  TimelineEntryEntity,
  OutboxRecordEntity,
];
export const migrations = [Init1763870000000, TimelineOutbox1763900000000];

/** Schema changes go through migrations only; synchronize stays off everywhere. */
export function dataSourceOptions(url: string, applicationName = 'care-transitions'): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

export function createDataSource(url: string, applicationName?: string): DataSource {
  return new DataSource(dataSourceOptions(url, applicationName));
}
