import { z } from 'zod';

/** Positional parameters for a query built from optional filters: `$n` for each value added. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A facility, pathway, step, role or sender code as the read models keep it. */
export const code = z.string().trim().min(1).max(200);

/**
 * Escalated: the step's priority was raised above routine, or its escalation ladder ran a rung
 * (an escalation.* timeline entry: reassign, raise-priority, notify) in the task's current episode
 * (dedupe keys start `<transition>|<episode>|`): a step reopened by a new episode starts clean.
 */
export const escalatedSql = (task: string) => `(${task}.priority <> 'routine' OR EXISTS (
  SELECT 1 FROM transition_timeline e
  WHERE e.transition_id = ${task}.transition_id AND e.step_key = ${task}.step_key
    AND e.kind LIKE 'escalation.%'
    AND (${task}.episode IS NULL OR starts_with(e.dedupe_key, ${task}.transition_id || '|' || ${task}.episode || '|'))))`;

/**
 * `escalatedSql` for counting over many steps at once: the escalation.* entries grouped per step in
 * one pass (ix_timeline_escalations) and hash-joined, instead of one index probe per step: half the
 * time of the summary over 100,000 open steps (docs/benchmarks.md). Add `escalationsJoin(task)` to
 * the FROM, then test `escalatedJoinedSql(task)`. It reads every escalation entry, of ended
 * transitions too: where those far outnumber the open steps, the probes of `escalatedSql` win.
 */
export const escalationsJoin = (task: string) => `LEFT JOIN (
    SELECT e.transition_id, e.step_key, array_agg(e.dedupe_key) AS keys FROM transition_timeline e
    WHERE e.kind LIKE 'escalation.%' GROUP BY 1, 2
  ) esc ON esc.transition_id = ${task}.transition_id AND esc.step_key = ${task}.step_key`;
export const escalatedJoinedSql = (
  task: string,
) => `(${task}.priority <> 'routine' OR (esc.keys IS NOT NULL AND (
  ${task}.episode IS NULL OR EXISTS (
    SELECT 1 FROM unnest(esc.keys) k WHERE starts_with(k, ${task}.transition_id || '|' || ${task}.episode || '|')))))`;

/** Breached: the clock recorded it, or the due time has passed (see time-buckets.ts). */
export const breachedSql = (now: string) => `(t.breached_at IS NOT NULL OR t.due_at <= ${now})`;
