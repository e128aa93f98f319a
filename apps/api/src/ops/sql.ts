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
 * (reassign, raise-priority, notify) in the task's current episode: the worker marks the task
 * when it records the rung (escalated_at) and clears the mark when a new episode reopens it.
 */
export const escalatedSql = (task: string) =>
  `(${task}.priority <> 'routine' OR ${task}.escalated_at IS NOT NULL)`;

/** Breached: the clock recorded it, or the due time has passed (see time-buckets.ts). */
export const breachedSql = (now: string) => `(t.breached_at IS NOT NULL OR t.due_at <= ${now})`;
