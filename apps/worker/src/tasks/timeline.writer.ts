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
 * The new entries also move the marks the ops API reads instead of the timeline (`keepMarks`).
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
  await keepMarks(
    db,
    ref,
    entries.filter((entry) => fresh.has(entry.dedupeKey)),
  );
  return fresh;
}

/**
 * The transition's last progress (its newest entry's time: stuck transitions) and, for an
 * escalation.* rung of a step's current episode, the task's escalation mark (the ops counts).
 * A rung of an earlier episode marks nothing, as a reopened step starts clean.
 */
async function keepMarks(db: EntityManager, ref: TimelineRef, entries: readonly TimelineEntry[]) {
  if (entries.length === 0) return;
  const newest = entries
    .map((entry) => entry.occurredAt)
    .reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  // no write (nor row lock) when an older entry arrives late
  await db.query(
    `UPDATE transitions SET last_progress_at = $2
     WHERE id = $1 AND (last_progress_at IS NULL OR last_progress_at < $2)`,
    [ref.transitionId, newest],
  );
  for (const entry of entries) {
    if (!entry.kind.startsWith('escalation.') || !entry.stepKey) continue;
    await db.query(
      `UPDATE tasks SET escalated_at = LEAST(escalated_at, $3), escalation_rungs = escalation_rungs + 1
       WHERE transition_id = $1 AND step_key = $2
         AND (episode IS NULL OR starts_with($4, transition_id || '|' || episode || '|'))`,
      [ref.transitionId, entry.stepKey, entry.occurredAt, entry.dedupeKey],
    );
  }
}
