import type { PoolClient } from 'pg';
import type { PatientContextWrite } from './patient-context.mapping';

export interface SourcedContext extends PatientContextWrite {
  /** The inbound_messages row it came from. */
  sourceMessageId: string;
}

/**
 * One row per transition, in event time order: what a later message carries wins part by part
 * (top-level keys of patient and visit), as the upsert below merges them. PostgreSQL cannot
 * upsert one row twice in a statement, so a batch is folded first.
 */
export function foldContexts(writes: readonly SourcedContext[]): SourcedContext[] {
  const sorted = [...writes].sort((a, b) => Date.parse(a.eventAt) - Date.parse(b.eventAt));
  const rows = new Map<string, SourcedContext>();
  for (const write of sorted) {
    const held = rows.get(write.transitionId);
    rows.set(
      write.transitionId,
      held
        ? {
            ...write,
            patient: { ...held.patient, ...write.patient },
            visit: { ...held.visit, ...write.visit },
          }
        : write,
    );
  }
  return [...rows.values()];
}

/**
 * Merges each context into its row unless the row holds a later event (row by row: an older
 * message changes nothing, not even parts the row lacks). Runs in the archive's transaction.
 */
export async function writePatientContexts(client: PoolClient, writes: readonly SourcedContext[]) {
  if (writes.length === 0) return;
  // in key order: two batches in flight then lock shared rows in the same order, never a deadlock
  const folded = foldContexts(writes).sort((a, b) => (a.transitionId < b.transitionId ? -1 : 1));
  const rows = folded.map((w) => ({
    transition_id: w.transitionId,
    facility: w.facility,
    visit_number: w.visitNumber,
    patient_key: w.patientKey,
    event_at: w.eventAt,
    patient: w.patient,
    visit: w.visit,
    source_message_id: w.sourceMessageId,
  }));
  await client.query(
    `INSERT INTO patient_contexts AS c
       (transition_id, facility, visit_number, patient_key, event_at, patient, visit, discharged_at, source_message_id)
     SELECT x.transition_id, x.facility, x.visit_number, x.patient_key, x.event_at, x.patient, x.visit,
       (x.visit->>'dischargeAt')::timestamptz, x.source_message_id
     FROM jsonb_to_recordset($1::jsonb) AS x(transition_id text, facility text, visit_number text,
       patient_key text, event_at timestamptz, patient jsonb, visit jsonb, source_message_id uuid)
     ON CONFLICT (transition_id) DO UPDATE SET
       patient_key = EXCLUDED.patient_key,
       event_at = EXCLUDED.event_at,
       patient = c.patient || EXCLUDED.patient,
       visit = c.visit || EXCLUDED.visit,
       discharged_at = ((c.visit || EXCLUDED.visit)->>'dischargeAt')::timestamptz,
       source_message_id = EXCLUDED.source_message_id,
       updated_at = now()
     WHERE c.event_at <= EXCLUDED.event_at`,
    [JSON.stringify(rows)],
  );
}
