/**
 * The orders a worklist can be read in, each a list of ascending SQL keys on `t` (tasks) ending
 * with the id, so a keyset cursor pages through it without repeating or skipping a row.
 *
 * - `risk`: by when the step fell or falls due: a breach the clock recorded counts from its time,
 *   even after escalation moved the due time on; so breached steps come first, the longest
 *   breached leading, then the least time left (no `now()` in it, so pages stay stable);
 * - `due`: by due time;
 * - `priority`: urgent, high, routine, then by due time;
 * - `age`: oldest task first.
 */
export const WORKLIST_SORTS = ['risk', 'due', 'priority', 'age'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export interface SortKey {
  /** The SQL of the value, ascending. */
  sql: string;
  /** The value as the cursor keeps it (text), and the cast back when comparing. */
  text: string;
  cast: 'int' | 'timestamptz';
}

const micros = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const due: SortKey = { sql: 't.due_at', text: micros('t.due_at'), cast: 'timestamptz' };
const fellDue = 'LEAST(t.due_at, COALESCE(t.breached_at, t.due_at))';
const risk: SortKey = { sql: fellDue, text: micros(fellDue), cast: 'timestamptz' };
const priorityRank: SortKey = {
  sql: "(CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END)",
  text: "(CASE t.priority WHEN 'urgent' THEN '0' WHEN 'high' THEN '1' ELSE '2' END)",
  cast: 'int',
};
const created: SortKey = { sql: 't.created_at', text: micros('t.created_at'), cast: 'timestamptz' };

export const SORT_KEYS: Record<WorklistSort, readonly SortKey[]> = {
  risk: [risk],
  due: [due],
  priority: [priorityRank, due],
  age: [created],
};

/** A cursor value must read back as its sort key's type: the handler casts it in SQL. */
export function keyValueValid(key: SortKey, value: string): boolean {
  if (key.cast === 'int') return /^[0-2]$/.test(value);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) && !Number.isNaN(Date.parse(value));
}
