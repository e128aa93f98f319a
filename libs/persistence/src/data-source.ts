import { DataSource, type DataSourceOptions } from 'typeorm';
import { DeadLetterEntity } from './entities/dead-letter.entity';
import { AccessLogEntity } from './entities/access-log.entity';
import { InboundMessageEntity } from './entities/inbound-message.entity';
import { OutboxRecordEntity } from './entities/outbox-record.entity';
import { PatientContextEntity } from './entities/patient-context.entity';
import { TaskEntity } from './entities/task.entity';
import { TimelineEntryEntity } from './entities/timeline-entry.entity';
import { TransitionEntity } from './entities/transition.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { Init1763870000000 } from './migrations/1763870000000-init';
import { TimelineOutbox1763900000000 } from './migrations/1763900000000-timeline-outbox';
import { DeadLetters1764800000000 } from './migrations/1764800000000-dead-letters';
import { InboundContentHash1764800100000 } from './migrations/1764800100000-inbound-content-hash';
import { InboundAuthenticatedAs1764900000000 } from './migrations/1764900000000-inbound-authenticated-as';
import { OpsIndexes1765000000000 } from './migrations/1765000000000-ops-indexes';
import { TimelineEscalations1765100000000 } from './migrations/1765100000000-timeline-escalations';
import { OpsReadMarks1765200000000 } from './migrations/1765200000000-ops-read-marks';
import { TaskRevision1765300000000 } from './migrations/1765300000000-task-revision';
import { OutreachAttempts1765400000000 } from './migrations/1765400000000-outreach-attempts';
import { Notes1765400000001 } from './migrations/1765400000001-notes';
import { WorklistIndexes1765700000000 } from './migrations/1765700000000-worklist-indexes';
import { NoteEntity } from './entities/note.entity';
import { OutreachAttemptEntity } from './entities/outreach-attempt.entity';
import { PatientContextAccessLog1765500000000 } from './migrations/1765500000000-patient-context-access-log';
import { TaskChangeNotify1765600000000 } from './migrations/1765600000000-task-change-notify';
import { Webhooks1765600000001 } from './migrations/1765600000001-webhooks';

export const entities = [
  TaskEntity,
  InboundMessageEntity,
  TransitionEntity,
  TimelineEntryEntity,
  OutboxRecordEntity,
  DeadLetterEntity,
  OutreachAttemptEntity,
  NoteEntity,
  PatientContextEntity,
  AccessLogEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
];
export const migrations = [
  Init1763870000000,
  TimelineOutbox1763900000000,
  DeadLetters1764800000000,
  InboundContentHash1764800100000,
  InboundAuthenticatedAs1764900000000,
  OpsIndexes1765000000000,
  TimelineEscalations1765100000000,
  OpsReadMarks1765200000000,
  TaskRevision1765300000000,
  OutreachAttempts1765400000000,
  Notes1765400000001,
  WorklistIndexes1765700000000,
  PatientContextAccessLog1765500000000,
  TaskChangeNotify1765600000000,
  Webhooks1765600000001,
];

/** How long a pooled session's statements may run; the apps pass PG_STATEMENT_TIMEOUT_MS. */
export interface SessionLimits {
  /** Unset means no limit: migrations (`migrate()`), where an index build on a big table takes minutes. */
  statementTimeoutMs?: number;
  /** PostgreSQL's JIT compilation (default on, as the server has it). */
  jit?: 'on' | 'off';
}

// a connection (or a free slot in the pool) that takes longer means PostgreSQL is down or swamped
const CONNECT_TIMEOUT_MS = 2_000;

function sessionTimeouts({ statementTimeoutMs }: SessionLimits) {
  if (!statementTimeoutMs) return {};
  return {
    statement_timeout: statementTimeoutMs,
    // the client's own backstop for a server that cannot even cancel (frozen host, lost network)
    query_timeout: statementTimeoutMs + 1_000,
    // outlasts the outbox relay's bounded Kafka publish inside its transaction; ends a hung owner's
    idle_in_transaction_session_timeout: Math.max(30_000, 2 * statementTimeoutMs),
  };
}

/** Schema changes go through migrations only; synchronize stays off everywhere. */
export function dataSourceOptions(
  url: string,
  applicationName = 'care-transitions',
  limits: SessionLimits = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    applicationName,
    extra: {
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      ...sessionTimeouts(limits),
      // a session setting sent at connect (node-postgres `options`)
      ...(limits.jit === 'off' ? { options: '-c jit=off' } : {}),
    },
  };
}

export function createDataSource(url: string, applicationName?: string, limits?: SessionLimits): DataSource {
  return new DataSource(dataSourceOptions(url, applicationName, limits));
}
