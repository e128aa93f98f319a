import type { Kafka } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { ADT_EVENTS_TOPIC } from '@ct/contracts';
import { groupLag } from '@ct/kafka';
import type { Discharge } from './load';

export const ORCHESTRATOR_GROUP = 'orchestrator';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Landed {
  id: string;
  transitions: number;
  tasks: number;
  opened: number;
  received: number;
  task_at: Date | null;
}

/** Per ACKed discharge: its transition row, its tasks, and how often it was opened and received. */
export async function landed(db: PgClient, ids: string[]): Promise<Map<string, Landed>> {
  const { rows } = await db.query<Landed>(
    `SELECT x.id,
       (SELECT count(*)::int FROM transitions t WHERE t.id = x.id) AS transitions,
       (SELECT count(*)::int FROM tasks k WHERE k.transition_id = x.id) AS tasks,
       (SELECT min(created_at) FROM tasks k WHERE k.transition_id = x.id) AS task_at,
       (SELECT count(*)::int FROM transition_timeline l
         WHERE l.transition_id = x.id AND l.kind = 'step.opened') AS opened,
       (SELECT count(*)::int FROM transition_timeline l
         WHERE l.transition_id = x.id AND l.kind = 'event.received') AS received
     FROM unnest($1::text[]) AS x(id)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export const isLost = (l?: Landed) => !l || l.transitions === 0 || l.tasks === 0;
export const isDoubled = (l?: Landed) =>
  !!l && (l.transitions > 1 || l.tasks > 1 || l.opened > 1 || l.received > 1);

/**
 * Polls (a connection per look: PostgreSQL may be the part just killed) until each of these
 * discharges has its AA (or an AR) and, if ACKed, its transition and first task; false at the deadline.
 */
export async function caughtUp(
  discharges: Discharge[],
  databaseUrl: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ids = discharges.filter((d) => d.ackedAt).map((d) => d.transitionId);
    const answered = discharges.every((d) => d.ackedAt || d.refusedForGood);
    const db = new PgClient({ connectionString: databaseUrl });
    db.on('error', () => undefined);
    const seen = await db
      .connect()
      .then(() => landed(db, ids))
      .catch(() => undefined)
      .finally(() => db.end().catch(() => undefined));
    if (answered && seen && !ids.some((id) => isLost(seen.get(id)))) return true;
    await sleep(1000);
  }
  return false;
}

/** Records of adt.events.v1 the orchestrator has not committed yet. */
export function consumerLag(kafka: Kafka, groupId: string): Promise<number> {
  return groupLag(kafka, groupId, ADT_EVENTS_TOPIC);
}
