import type { EntityManager } from 'typeorm';
import {
  CARE_EVENTS_TOPIC,
  HEADER_EVENT_TYPE,
  HEADER_SCHEMA,
  careEventKey,
  type CareEventV1,
} from '@ct/contracts';
import type { TimelineEntry } from '@ct/workflows/care-transition.activities';

export interface TimelineRef {
  transitionId: string;
  facility: string;
  pathway: string | null;
}

/**
 * Appends entries to a transition's timeline and, in the same transaction, an outbox record per
 * new entry. An entry whose dedupe key exists is skipped: a retried activity publishes nothing twice.
 * Returns the dedupe keys that were new.
 */
export async function appendTimeline(
  db: EntityManager,
  ref: TimelineRef,
  entries: readonly TimelineEntry[],
): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const entry of entries) {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO transition_timeline (transition_id, kind, step_key, occurred_at, detail, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        ref.transitionId,
        entry.kind,
        entry.stepKey ?? null,
        entry.occurredAt,
        entry.detail ?? {},
        entry.dedupeKey,
      ],
    );
    if (rows.length === 0) continue;
    fresh.add(entry.dedupeKey);
    const value: CareEventV1 = {
      schema: 'care.event.v1',
      eventId: rows[0].id,
      type: entry.kind,
      transitionId: ref.transitionId,
      facility: ref.facility,
      pathway: ref.pathway,
      stepKey: entry.stepKey ?? null,
      occurredAt: entry.occurredAt,
      detail: entry.detail ?? {},
    };
    const headers = { [HEADER_SCHEMA]: 'care.event.v1', [HEADER_EVENT_TYPE]: entry.kind };
    await db.query(`INSERT INTO outbox (topic, key, value, headers) VALUES ($1, $2, $3, $4)`, [
      CARE_EVENTS_TOPIC,
      careEventKey(ref.transitionId),
      value,
      headers,
    ]);
  }
  return fresh;
}
